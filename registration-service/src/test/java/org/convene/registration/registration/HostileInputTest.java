package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.registration.registration.Registrations.register;
import static org.convene.registration.registration.Registrations.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Whatever arrives gets a clear 4xx or a correct registration: never a 5xx, never half a row. */
@QuarkusTest
class HostileInputTest {

    @Inject
    EventsTopic events;

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('x')</script>",
            "=HYPERLINK(\"http://evil.example\")",
            "مريم كولكي",
            "\u202Eevil\u202C Ana",
            "Ñusta Huallpa 🌺 Quispe" })
    void aNameOfAnyScriptOrMischiefIsStoredAsTypedAndShownAsText(String name) {
        UUID eventId = events.openEvent("Solidarity evening");
        String id = register(eventId, name, "someone@example.org").then().statusCode(201).extract().path("id");

        assertThat(stored(id).name).isEqualTo(name);
        String page = PageForms.given(eventId).formParam("name", name).formParam("email", "someone@example.org")
                .post("/events/{id}/registrations", eventId).then().statusCode(303).extract().header("Location");
        assertThat(Jsoup.parse(given().get(page).asString()).select("script:not([src])")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ana+bolivia@example.org", "jose@correo.example.bo", "ana@bücher.example",
            "ANA.Garcia@Example.ORG" })
    void addressesWithPlusSignsAndInternationalDomainsRegister(String email) {
        UUID eventId = events.openEvent("Solidarity evening");
        String id = register(eventId, "Ana", email).then().statusCode(201).extract().path("id");
        assertThat(stored(id).email).isEqualTo(email);
    }

    /**
     * A local part beyond ASCII needs SMTPUTF8 from every server on the way, and the mail client has none:
     * refused with the field's message, rather than taken and never delivered (EmailAddress).
     */
    @ParameterizedTest
    @ValueSource(strings = { "josé@correo.example.bo", "ANA.garcía@Example.ORG" })
    void anAddressWhoseLocalPartIsNotAsciiIsRefusedByField(String email) {
        UUID eventId = events.openEvent("Solidarity evening");
        register(eventId, "Ana", email).then().statusCode(400)
                .body("errors.field", equalTo(List.of("email")));
    }

    @Test
    void aNameTooLongOrWithControlCharactersIsRefusedByField() {
        UUID eventId = events.openEvent("Solidarity evening");
        String longName = "Ñ".repeat(300);
        register(eventId, longName, "ana@example.org").then().statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
        for (String name : List.of("Ana\u0000", "Ana\r\nBcc: everyone@example.org", "Ana\tGarcía")) {
            register(eventId, name, "ana@example.org").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("name")),
                            "errors.message", equalTo(List.of("Please remove line breaks, tabs and other control characters")));
        }
        register(eventId, Map.of("name", "Ana", "email", "ana\u0000@example.org")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("email")));
        register(eventId, Map.of("name", "Ana", "email", "ana@example.org", "organisation", "Org\nX"))
                .then().statusCode(400).body("errors.field", equalTo(List.of("organisation")));
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }

    @Test
    void wrongShapesTypesAndSizesAreClearFourHundreds() {
        UUID eventId = events.openEvent("Solidarity evening");
        String path = "/api/events/" + eventId + "/registrations";

        given().contentType(ContentType.TEXT).body("name=Ana").post(path).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:unsupported-media-type"));
        given().contentType(ContentType.XML).body("<name>Ana</name>").post(path).then().statusCode(415);
        given().contentType(ContentType.JSON).body("[\"Ana\"]").post(path).then().statusCode(400)
                .body("type", equalTo("urn:convene:problem:malformed-request"));
        given().contentType(ContentType.JSON).body("{\"name\": 5, \"email\": {\"a\": 1}}").post(path).then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"name\":\"Ana\",\"email\":\"ana@example.org\",\"consentTo\":\"x\"}")
                .post(path).then().statusCode(lessThan(500));
        given().contentType(ContentType.JSON).body("{\"name\": \"" + "A".repeat(100_000) + "\"}").post(path).then()
                .statusCode(413);
        given().contentType(ContentType.URLENC).formParam("name", "Ñ".repeat(40_000))
                .post("/events/{id}/registrations", eventId).then().statusCode(413);
        given().contentType(ContentType.JSON).body("{}").post("/api/events/not-a-uuid/registrations").then()
                .statusCode(404);
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }
}
