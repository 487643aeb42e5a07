package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.registration.registration.Registrations.register;
import static org.convene.registration.registration.Registrations.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a registrant answers is stored as given: country, organisation, zone, language and each consent. */
@QuarkusTest
class RegistrationAnswersTest {

    private static final String HOST = "Friends of Bolivia";
    private static final String SUPPORTER = "Labour Friends of Progressive Latin America";

    @Inject
    EventsTopic events;

    private UUID openEvent() {
        return events.openEvent("Bolivia – People Power", null, false, HOST, List.of(SUPPORTER)).id();
    }

    @Test
    void everyAnswerIsStoredAndEachOrganisationGetsItsOwnConsentAnswerWithItsWords() {
        UUID eventId = openEvent();
        Instant before = Instant.now();
        String id = register(eventId, Map.of("name", "Miriam Colque", "email", "miriam@example.org",
                "country", "BO", "organisation", "Bartolina Sisa", "timeZone", "America/La_Paz", "language", "es",
                "consentTo", List.of(SUPPORTER)))
                .then().statusCode(201).body("state", equalTo("REGISTERED")).extract().path("id");

        Registration miriam = stored(id);
        assertThat(miriam.country).isEqualTo("BO");
        assertThat(miriam.organisation).isEqualTo("Bartolina Sisa");
        assertThat(miriam.timeZone).isEqualTo("America/La_Paz");
        assertThat(miriam.language).isEqualTo("es");
        assertThat(miriam.consents).extracting(ConsentAnswer::organisation, ConsentAnswer::given)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(HOST, false),
                        org.assertj.core.groups.Tuple.tuple(SUPPORTER, true));
        // The words she read, in the language she asked for, and when she answered.
        assertThat(miriam.consents).allSatisfy(answer -> {
            assertThat(answer.wording()).startsWith("Quiero que " + answer.organisation());
            assertThat(answer.answeredAt()).isBetween(before, Instant.now());
        });
    }

    @Test
    void withoutZoneOrLanguageTheEventsZoneAndEnglishAreTakenAndNoBoxIsTicked() {
        UUID eventId = openEvent();
        String id = register(eventId, "Ana", "ana@example.org").then().statusCode(201).extract().path("id");

        Registration ana = stored(id);
        assertThat(ana.timeZone).isEqualTo("Europe/London");
        assertThat(ana.language).isEqualTo("en");
        assertThat(ana.country).isNull();
        assertThat(ana.consents).extracting(ConsentAnswer::given).containsExactly(false, false);
        assertThat(ana.consents.get(0).wording())
                .isEqualTo("I would like " + HOST + " to keep me informed about its campaigns and events by email.");
    }

    @Test
    void registeringAgainInAnotherCaseUpdatesTheAnswersAndAsksForTheConfirmationAgain() {
        UUID eventId = openEvent();
        String id = register(eventId, Map.of("name", "Ana", "email", "ana@example.org", "consentTo", List.of(HOST)))
                .then().statusCode(201).extract().path("id");

        register(eventId, Map.of("name", "Ana", "email", "ANA@Example.ORG", "language", "es",
                "timeZone", "America/La_Paz", "consentTo", List.of(SUPPORTER)))
                .then().statusCode(200).body("id", equalTo(id), "alreadyRegistered", equalTo(true));

        Registration ana = stored(id);
        assertThat(RegistrationsTopic.rowsFor(eventId)).isEqualTo(1);
        assertThat(ana.confirmationRequests).isEqualTo(2);
        assertThat(ana.language).isEqualTo("es");
        assertThat(ana.timeZone).isEqualTo("America/La_Paz");
        assertThat(ana.consents).filteredOn(ConsentAnswer::given).extracting(ConsentAnswer::organisation)
                .containsExactly(SUPPORTER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "country | Bolivia | Please choose a country from the list",
            "country | XX | Please choose a country from the list",
            "timeZone | Mars/Olympus | Please choose a time zone from the list, such as America/La_Paz",
            "timeZone | +02:00 | Please choose a time zone from the list, such as America/La_Paz",
            "language | fr | Please choose English (en) or Spanish (es)" })
    void anAnswerOutsideTheListIsNamedAndNothingIsWritten(String field, String value, String message) {
        UUID eventId = openEvent();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Ana", "email", "ana@example.org"));
        body.put(field, value);

        register(eventId, body).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:invalid-input"),
                        "errors.field", equalTo(List.of(field)), "errors.message", hasItem(message));
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }

    @Test
    void consentToAnOrganisationThatIsNotTheEventsIsRefusedNotDropped() {
        UUID eventId = openEvent();
        register(eventId, Map.of("name", "Ana", "email", "ana@example.org",
                "consentTo", List.of(HOST, "Someone Else Ltd")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("consentTo[1]")));
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }

    @Test
    void messagesAreInSpanishForAClientThatAsksForSpanish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "es-BO,es;q=0.9")
                .body(Map.of("name", "", "email", "ana@example.org"))
                .when().post("/api/events/{id}/registrations", openEvent())
                .then().statusCode(400)
                .body("errors.message", equalTo(List.of("Escribe tu nombre")));
    }
}
