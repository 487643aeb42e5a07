package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.convene.registration.bots.Proofs;
import org.convene.registration.bots.RefusalProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RegistrationApiTest {

    @Inject
    EventsTopic events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private UUID openEvent() {
        return events.openEvent("Solidarity evening");
    }

    @Test
    void theSameAddressInAnotherCaseRegistersOnceAndSendsOneMessage() {
        UUID eventId = openEvent();
        String id = given().contentType(ContentType.JSON).header(RefusalProblem.PROOF_HEADER, Proofs.fresh())
                .body(Map.of("name", "Ana García", "email", "ana.garcia@example.org"))
                .when().post("/api/events/{id}/registrations", eventId)
                .then().statusCode(201)
                .body("eventId", equalTo(eventId.toString()), "state", equalTo("REGISTERED"),
                        "alreadyRegistered", equalTo(false), "email", nullValue())
                .extract().path("id");

        given().contentType(ContentType.JSON).header(RefusalProblem.PROOF_HEADER, Proofs.fresh())
                .body(Map.of("name", "Ana G.", "email", "  Ana.Garcia@EXAMPLE.org "))
                .when().post("/api/events/{id}/registrations", eventId)
                .then().statusCode(200)
                .body("id", equalTo(id), "alreadyRegistered", equalTo(true), "state", equalTo("REGISTERED"));

        assertThat(RegistrationsTopic.rowsFor(eventId)).isEqualTo(1);
        // A third person's message comes after the repeat's: three exist then, two of them Ana's, the second
        // asking for her confirmation again.
        given().contentType(ContentType.JSON).header(RefusalProblem.PROOF_HEADER, Proofs.fresh()).body(Map.of("name", "Bea", "email", "bea@example.org"))
                .post("/api/events/{id}/registrations", eventId).then().statusCode(201);
        var messages = await().atMost(Duration.ofSeconds(30))
                .until(() -> RegistrationsTopic.messagesFor(kafka, eventId), list -> list.size() >= 3);
        assertThat(messages).hasSize(3);
        assertThat(messages.stream().filter(m -> m.key().equals(id))
                .map(m -> RegistrationsTopic.json(m.value()).get("confirmationRequest").asInt()))
                .containsExactlyInAnyOrder(1, 2);
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                Arguments.of("email", "", "Please enter your email address"),
                Arguments.of("email", null, "Please enter your email address"),
                Arguments.of("email", "ana@example", "Please enter an email address like name@example.org"),
                Arguments.of("email", "ana garcia@example.org", "Please enter an email address like name@example.org"),
                // Taken by the check before issue 19, but not deliverable by every server on the way.
                Arguments.of("email", "\"ana\"@example.org", "Please enter an email address like name@example.org"),
                Arguments.of("email", "ñandú@example.org", "Please enter an email address like name@example.org"),
                Arguments.of("email", "ana..garcia@example.org", "Please enter an email address like name@example.org"),
                Arguments.of("email", "ana@[192.0.2.1]", "Please enter an email address like name@example.org"),
                Arguments.of("name", "   ", "Please enter your name"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a{b}@example.org", "100%@example.org", "o'neil+bolivia@example.org", "ana@bücher.example" })
    void anUnusualButDeliverableAddressRegisters(String email) {
        UUID eventId = openEvent();
        given().contentType(ContentType.JSON).header(RefusalProblem.PROOF_HEADER, Proofs.fresh())
                .body(Map.of("name", "Ana", "email", email))
                .when().post("/api/events/{id}/registrations", eventId)
                .then().statusCode(201);
        assertThat(RegistrationsTopic.rowsFor(eventId)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("invalidForms")
    void anInvalidFieldIsNamedAndNothingIsWritten(String field, String value, String message) {
        UUID eventId = openEvent();
        Map<String, String> body = new HashMap<>(Map.of("name", "Ana", "email", "ana@example.org"));
        body.put(field, value);

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/events/{id}/registrations", eventId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:invalid-input"),
                        "errors.field", equalTo(List.of(field)),
                        "errors.message", hasItem(message));

        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/events/{id}/registrations", openEvent())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:malformed-request"));
    }

    @Test
    void anUnknownEventIsNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Ana", "email", "ana@example.org"))
                .when().post("/api/events/{id}/registrations", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:not-found"));
    }

    @Test
    void aCancelledEventIsClosed() {
        UUID eventId = openEvent();
        events.publish(EventsTopic.upcoming(eventId, 2, EventStatus.CANCELLED, "Solidarity evening"));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/events/{id}", eventId).body().asString().contains("was cancelled"));

        given().contentType(ContentType.JSON).body(Map.of("name", "Ana", "email", "ana@example.org"))
                .when().post("/api/events/{id}/registrations", eventId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:registration-closed"),
                        "detail", containsString("Registration for this event is closed"));
        given().get("/events/{id}", eventId).then().body(not(containsString("<form")));
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }

    @Test
    void anEventThatHasEndedIsClosed() {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime twoHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        events.publishAndAwait(new EventSnapshot(eventId, 1, EventStatus.PUBLISHED, "Yesterday's news",
                twoHoursAgo, "Europe/London", 60, EventsTopic.joinUrl(eventId)));

        given().contentType(ContentType.JSON).body(Map.of("name", "Ana", "email", "ana@example.org"))
                .when().post("/api/events/{id}/registrations", eventId)
                .then().statusCode(409)
                .body("detail", containsString("the event has ended"));
        given().get("/").then().body(not(containsString(eventId.toString())));
    }
}
