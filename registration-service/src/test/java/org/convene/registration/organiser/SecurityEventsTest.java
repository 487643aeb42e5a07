package org.convene.registration.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.registration.registration.Registrations.register;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.localstack.LogCapture;
import org.convene.platform.security.SecurityEvents;
import org.convene.registration.EventsTopic;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Exports and erasures are security events: who by id, from where, never whose data. */
@QuarkusTest
class SecurityEventsTest {

    @Inject
    EventsTopic events;

    @Test
    void everyExportAndErasureIsLoggedWithTheOrganisersIdAndNoAddress() {
        UUID organiser = UUID.randomUUID();
        UUID eventId = events.openEvent("Audited", null, false, "Friends of Bolivia", List.of()).id();
        String address = "audited-" + UUID.randomUUID() + "@example.org";
        register(eventId, "Carmen", address).then().statusCode(201);

        try (LogCapture log = LogCapture.of(SecurityEvents.CATEGORY)) {
            as(organiser, "192.0.2.31").get("/api/registrants/{id}", eventId).then().statusCode(200);
            as(organiser, "192.0.2.32").contentType(ContentType.JSON).body(Map.of("email", address))
                    .post("/api/supporters/export").then().statusCode(200);
            as(organiser, "192.0.2.33").contentType(ContentType.JSON).body(Map.of("email", address))
                    .post("/api/supporters/erasure").then().statusCode(200);

            assertThat(log.lines()).containsExactly(
                    "security-event=export organiser=" + organiser + " from=192.0.2.31 about=" + eventId,
                    "security-event=export organiser=" + organiser + " from=192.0.2.32",
                    "security-event=erasure organiser=" + organiser + " from=192.0.2.33");
            assertThat(String.join("\n", log.lines())).doesNotContain(address);
        }
    }

    private static RequestSpecification as(UUID organiser, String from) {
        String token = OrganiserTokens.claims(organiser, UUID.randomUUID()).sign();
        return given().auth().oauth2(token).header("X-Forwarded-For", from);
    }
}
