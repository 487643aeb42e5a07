package org.convene.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.registration.organiser.OrganiserTokens.asOrganiser;
import static org.convene.registration.registration.Registrations.register;
import static org.convene.registration.registration.Registrations.storedFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.convene.registration.registration.Registration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A person's data on request: all of it, across events, and erasure that frees their places. */
@QuarkusTest
class SupporterDataTest {

    private static final String HOST = "Friends of Bolivia";

    @Inject
    EventsTopic events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theExportHasEveryRegistrationOfTheAddressInAnyCaseWithTheConsentWords() {
        UUID first = events.openEvent("First", null, false, HOST, List.of()).id();
        UUID second = events.openEvent("Second", null, false, HOST, List.of()).id();
        String address = "juana+" + UUID.randomUUID() + "@example.org";
        register(first, Map.of("name", "Juana", "email", address, "consentTo", List.of(HOST))).then().statusCode(201);
        register(second, Map.of("name", "Juana M.", "email", address.toUpperCase())).then().statusCode(201);
        register(second, "Somebody Else", "else-" + UUID.randomUUID() + "@example.org").then().statusCode(201);

        asOrganiser().contentType(ContentType.JSON).body(Map.of("email", " " + address.toUpperCase() + " "))
                .post("/api/supporters/export").then().statusCode(200)
                .body("$", hasSize(2), "eventTitle", equalTo(List.of("First", "Second")),
                        "name", equalTo(List.of("Juana", "Juana M.")),
                        "[0].consents[0].organisation", equalTo(HOST), "[0].consents[0].given", equalTo(true),
                        "[0].consents[0].wording", equalTo("I would like " + HOST
                                + " to keep me informed about its campaigns and events by email."));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("email", "nobody@example.org"))
                .post("/api/supporters/export").then().statusCode(200).body("$", hasSize(0));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("email", " "))
                .post("/api/supporters/export").then().statusCode(400)
                .body("errors.field", equalTo(List.of("email")));
    }

    @Test
    void erasureForgetsThePersonEverywhereTellsTheOtherServicesAndGivesTheirPlaceAway() {
        UUID full = events.openEvent("Full event", 1, true, HOST, List.of()).id();
        UUID other = events.openEvent("Other event", null, false, HOST, List.of()).id();
        String address = "erase-" + UUID.randomUUID() + "@example.org";
        String held = register(full, "Ana", address).then().statusCode(201).body("state", equalTo("REGISTERED"))
                .extract().path("id");
        String waiting = register(full, "Bea", "bea-" + UUID.randomUUID() + "@example.org").then().statusCode(201)
                .body("state", equalTo("WAITLISTED")).extract().path("id");
        String elsewhere = register(other, "Ana", address).then().statusCode(201).extract().path("id");

        asOrganiser().contentType(ContentType.JSON).body(Map.of("email", address.toUpperCase()))
                .post("/api/supporters/erasure").then().statusCode(200).body("registrations", equalTo(2));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count("emailNormalised", address)))
                .isZero();
        assertThat(storedFor(full, RegistrationState.PROMOTED)).extracting(r -> r.id.toString()).containsExactly(waiting);
        for (var erased : List.of(held, elsewhere)) {
            UUID eventId = erased.equals(held) ? full : other;
            var message = await().atMost(Duration.ofSeconds(30))
                    .until(() -> RegistrationsTopic.messagesFor(kafka, eventId).stream()
                            .filter(m -> m.key().equals(erased) && MessageType.REGISTRATION_ERASED.ceType()
                                    .equals(CloudEventAttributes.from(m.headers()).type())).findFirst(),
                            found -> found.isPresent()).orElseThrow();
            assertThat(message.value()).doesNotContain(address).doesNotContain("Ana");
        }
        // Nothing left to erase the second time.
        asOrganiser().contentType(ContentType.JSON).body(Map.of("email", address))
                .post("/api/supporters/erasure").then().statusCode(200).body("registrations", equalTo(0));
    }
}
