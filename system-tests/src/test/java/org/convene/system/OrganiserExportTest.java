package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The organiser signed in on events-service downloads the registrants from registration-service with
 * the same session: the two services share only the token's public key, set as an operator would.
 */
@ExtendWith(SystemUnderTestExtension.class)
class OrganiserExportTest {

    private final SystemUnderTest system;

    OrganiserExportTest(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void theBackOfficeSessionOpensTheRegistrantExportOfRegistrationService() {
        String eventId = system.createAndPublish("Solidarity with Bolivia (export)",
                LocalDate.now().plusDays(35).atTime(19, 0));
        system.awaitEventPage(eventId);
        String session = given().contentType(ContentType.JSON)
                .body(Map.of("email", system.stack().organiserSecrets().email(),
                        "password", system.stack().organiserSecrets().password()))
                .post(system.events() + "/api/session").then().statusCode(200).extract().cookie("convene_session");
        // Entered by the organiser: their session stands in for the proof of work a program would need.
        String email = "export+" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).cookie("convene_session", session)
                .body(Map.of("name", "Juana Maldonado", "email", email))
                .post(system.registration() + "/api/events/" + eventId + "/registrations").then().statusCode(201);

        byte[] csv = given().cookie("convene_session", session)
                .get(system.registration() + "/api/registrants/" + eventId).then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("Juana Maldonado," + email);

        given().get(system.registration() + "/api/registrants/" + eventId).then().statusCode(401);
    }
}
