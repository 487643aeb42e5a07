package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.registration.registration.Registrations.register;
import static org.convene.registration.registration.Registrations.stored;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A registrant cancels from the signed link in their emails, and nobody can cancel anyone else. */
@QuarkusTest
class CancelLinkTest {

    @Inject
    EventsTopic events;

    @Inject
    CancelLinks links;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theLinkFromTheMessageAsksFirstThenCancelsAndRegisteringAgainWorks() {
        UUID eventId = events.openEvent("Solidarity evening");
        String id = register(eventId, "Ana", "ana@example.org").then().statusCode(201).extract().path("id");
        String cancelUrl = await().atMost(Duration.ofSeconds(30))
                .until(() -> RegistrationsTopic.messagesFor(kafka, eventId), list -> !list.isEmpty()).stream()
                .map(m -> RegistrationsTopic.json(m.value()).get("cancelUrl").asText()).findFirst().orElseThrow();
        String path = cancelUrl.substring(cancelUrl.indexOf("/registrations/"));

        // Opening the link (as a mail scanner would) changes nothing; the page's button cancels.
        Document ask = Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
        assertThat(stored(id).state).isEqualTo(RegistrationState.REGISTERED);
        assertThat(ask.selectFirst("form").attr("action")).isEqualTo("/registrations/" + id + "/cancel");
        String token = ask.selectFirst("input[name=token]").attr("value");

        given().formParam("token", token).post("/registrations/{id}/cancel", id)
                .then().statusCode(200).body(containsString("Your registration is cancelled"));
        assertThat(stored(id).state).isEqualTo(RegistrationState.CANCELLED);
        given().formParam("token", token).post("/registrations/{id}/cancel", id)
                .then().statusCode(200).body(containsString("already cancelled"));
        given().get(path).then().statusCode(200).body(containsString("already cancelled"));

        // Back again: the same registration, registered, and a confirmation asked for once more.
        register(eventId, "Ana", "ana@example.org").then().statusCode(201)
                .body("id", equalTo(id), "state", equalTo("REGISTERED"), "alreadyRegistered", equalTo(false));
        assertThat(stored(id).confirmationRequests).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> RegistrationsTopic.messagesFor(kafka, eventId).stream()
                .map(m -> RegistrationsTopic.json(m.value()).get("state").asText()).toList(),
                states -> states.equals(List.of("REGISTERED", "CANCELLED", "REGISTERED")));
    }

    @Test
    void aTokenForAnotherRegistrationOrAlteredOrMissingCancelsNothing() {
        UUID eventId = events.openEvent("Solidarity evening");
        UUID ana = UUID.fromString(register(eventId, "Ana", "ana@example.org").then().extract().path("id"));
        UUID bea = UUID.fromString(register(eventId, "Bea", "bea@example.org").then().extract().path("id"));
        String anasToken = links.token(ana);
        String altered = (anasToken.charAt(0) == 'A' ? "B" : "A") + anasToken.substring(1);

        for (String token : new String[] { anasToken, altered, "", "not base64 !" }) {
            given().formParam("token", token).post("/registrations/{id}/cancel", bea)
                    .then().statusCode(404).body(containsString("This link does not work"));
            given().queryParam("token", token).get("/registrations/{id}/cancel", bea).then().statusCode(404);
        }
        given().post("/registrations/{id}/cancel", bea).then().statusCode(404);
        given().formParam("token", links.token(UUID.randomUUID())).post("/registrations/{id}/cancel", UUID.randomUUID())
                .then().statusCode(404);
        assertThat(stored(bea).state).isEqualTo(RegistrationState.REGISTERED);
        assertThat(stored(ana).state).isEqualTo(RegistrationState.REGISTERED);
    }
}
