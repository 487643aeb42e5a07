package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.registration.registration.Registrations.storedFor;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The pages speak the visitor's language, English or Spanish, and the switch overrides the browser. */
@QuarkusTest
class EventPageLanguageTest {

    private static final String HOST = "Amigos de Bolivia";

    @Inject
    EventsTopic events;

    @Test
    void aSpanishBrowserGetsTheWholePageInSpanish() {
        UUID eventId = events.openEvent("Bolivia – Poder Popular", null, false, HOST, List.of("CTA", "COB")).id();

        Document page = page(given().header("Accept-Language", "es-BO,es;q=0.9,en;q=0.5").get("/events/{id}", eventId));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("label[for=name]").text()).isEqualTo("Tu nombre");
        assertThat(page.selectFirst("button[type=submit]").text()).isEqualTo("Inscribirme");
        assertThat(page.text()).contains("Organiza Amigos de Bolivia con el apoyo de CTA y COB")
                .containsPattern("(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \\d+ de \\w+ de \\d{4}")
                .contains("Duración: 1 hora 30 minutos");
        assertThat(page.select("input[name=consentTo]").parents().select("label").eachText())
                .contains("Quiero que " + HOST + " me mantenga informado/a por correo electrónico sobre sus campañas y eventos.");
        // The form offers Spanish for the emails, chosen, and countries by their Spanish names.
        assertThat(page.selectFirst("input[name=language][value=es]").hasAttr("checked")).isTrue();
        assertThat(page.select("#country option").eachText()).contains("Bolivia", "Alemania");
        // The switch leads to the same page in English.
        assertThat(page.selectFirst("header a[hreflang=en]").attr("href")).isEqualTo("/events/" + eventId + "?lang=en");
    }

    @Test
    void theSwitchOverridesTheBrowserAndIsRemembered() {
        UUID eventId = events.openEvent("Bolivia – People Power", null, false, HOST, List.of()).id();

        Response switched = given().header("Accept-Language", "en-GB").queryParam("lang", "es").get("/events/{id}", eventId);
        assertThat(page(switched).selectFirst("html").attr("lang")).isEqualTo("es");
        String cookie = switched.getCookie("convene_lang");
        assertThat(cookie).isEqualTo("es");

        Document next = page(given().header("Accept-Language", "en-GB").cookie("convene_lang", cookie).get("/"));
        assertThat(next.selectFirst("h1").text()).isEqualTo("Próximos eventos");
        // Nothing the pages do not speak is taken from a cookie or the switch.
        assertThat(page(given().queryParam("lang", "fr").get("/")).selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page(given().cookie("convene_lang", "xx").get("/")).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aFormSentFromTheSpanishPageAnswersInSpanishAndStoresTheSpanishWords() {
        UUID eventId = events.openEvent("Bolivia – Poder Popular", null, false, HOST, List.of()).id();

        Document invalid = page(PageForms.given(eventId).cookie("convene_lang", "es")
                .formParam("name", "Miriam").formParam("email", "miriam@")
                .post("/events/{id}/registrations", eventId));
        assertThat(invalid.selectFirst("#email-error").text()).isEqualTo("Escribe un correo electrónico como nombre@ejemplo.org");
        assertThat(invalid.selectFirst(".error-summary h2").text()).isEqualTo("Hay un problema");
        assertThat(invalid.select(".error-summary a").text()).startsWith("Tu correo electrónico: ");

        PageForms.given(eventId).cookie("convene_lang", "es")
                .formParam("name", "Miriam").formParam("email", "miriam@example.org").formParam("language", "en")
                .formParam("timeZone", "America/La_Paz").formParam("consentTo", HOST)
                .post("/events/{id}/registrations", eventId).then().statusCode(303);
        Registration miriam = Registrations.stored(storedFor(eventId, RegistrationState.REGISTERED).get(0).id);
        // Emails in English as she chose, and the consent in the words she read: Spanish.
        assertThat(miriam.language).isEqualTo("en");
        assertThat(miriam.timeZone).isEqualTo("America/La_Paz");
        assertThat(miriam.consents).singleElement().satisfies(answer -> {
            assertThat(answer.given()).isTrue();
            assertThat(answer.wording()).startsWith("Quiero que " + HOST);
        });
    }

    private static Document page(Response response) {
        return Jsoup.parse(response.then().extract().asString());
    }
}
