package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The form in a frame on an organisation's own site: only the sites configured may frame it, it works
 * there from start to finish in the language asked for, and every other page refuses to be framed.
 */
@QuarkusTest
class EmbeddedFormTest {

    /** As configured for the tests: two sites of the organisation. */
    private static final String FRAMING = "frame-ancestors 'self' https://friends.example.org https://www.friends.example.org";

    @Inject
    EventsTopic events;

    @Test
    void theFormAloneMayBeFramedByTheConfiguredSitesAndRegistersInItsFrame() {
        EventSnapshot event = events.openEvent("Bolivia – Poder Popular", null, false, "Amigos de Bolivia", List.of());

        Response framed = given().queryParam("lang", "es").get("/embed/events/event-{id}", event.id());
        framed.then().statusCode(200).header("Content-Security-Policy", endsWith(FRAMING));
        Document page = Jsoup.parse(framed.asString());
        assertThat(page.select("header")).as("no site header in a frame").isEmpty();
        assertThat(page.select("script[src=/js/embedded.js]")).hasSize(1);
        assertThat(page.selectFirst("label[for=name]").text()).isEqualTo("Tu nombre");
        String action = page.selectFirst("form").attr("action");
        assertThat(action).isEqualTo("/events/" + event.id() + "/registrations?embed=true&lang=es");

        // A mistake comes back in the frame, in Spanish.
        Response invalid = PageForms.given(event.id()).formParam("name", "Miriam").formParam("email", "x")
                .post(action);
        invalid.then().statusCode(400).header("Content-Security-Policy", endsWith(FRAMING));
        assertThat(Jsoup.parse(invalid.asString()).select("header")).isEmpty();
        assertThat(Jsoup.parse(invalid.asString()).selectFirst("#email-error").text())
                .isEqualTo("Escribe un correo electrónico como nombre@ejemplo.org");

        String next = PageForms.given(event.id()).formParam("name", "Miriam")
                .formParam("email", "miriam@example.org").post(action)
                .then().statusCode(303).extract().header("Location");
        assertThat(next).endsWith("/events/" + event.id() + "/registered?outcome=registered&embed=true&lang=es");
        Response done = given().get(next);
        done.then().statusCode(200).header("Content-Security-Policy", endsWith(FRAMING));
        assertThat(Jsoup.parse(done.asString()).selectFirst("h1").text()).isEqualTo("Te has inscrito");
        assertThat(Registrations.storedFor(event.id(), RegistrationState.REGISTERED)).hasSize(1);
    }

    @Test
    void everyOtherPageMayOnlyBeFramedByThisSite() {
        EventSnapshot event = events.openEvent("Bolivia – People Power", null, false, "Friends of Bolivia", List.of());
        for (String path : List.of("/", "/events/" + event.id(), "/events/" + event.id() + "/registered")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", endsWith("; frame-ancestors 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("X-Frame-Options", "SAMEORIGIN");
        }
    }

    @Test
    void theScriptForTheOrganisationsPageIsServed() {
        given().get("/embed.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("/embed/events/"), containsString("convene:height"));
    }
}
