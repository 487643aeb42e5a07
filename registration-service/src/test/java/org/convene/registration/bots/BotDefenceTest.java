package org.convene.registration.bots;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.convene.registration.organiser.OrganiserTokens;
import org.convene.registration.registration.PageForms;
import org.convene.registration.registration.Registration;
import org.convene.registration.registration.Registrations;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The checks against automated registrations, each failing on its own: every refusal says what went
 * wrong, and leaves no registration and no message behind.
 */
@QuarkusTest
class BotDefenceTest {

    private static final Map<String, String> ANA = Map.of("name", "Ana", "email", "ana@example.org");

    @Inject
    EventsTopic events;

    @Inject
    ProofOfWork proofOfWork;

    @Inject
    FormTokens formTokens;

    private static RequestSpecification api() {
        return given().contentType(ContentType.JSON).body(ANA);
    }

    /** {@code clients} requests sent at the same instant, each from a thread of its own; their answers in order. */
    private static <T> List<T> atOnce(int clients, IntFunction<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                pending.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return request.apply(client);
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }

    private static void nothingStoredFor(UUID eventId) {
        for (RegistrationState state : RegistrationState.values()) {
            assertThat(Registrations.storedFor(eventId, state)).as(state.name()).isEmpty();
        }
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }

    @Test
    void aChallengeIsFreshEveryTimeAndNeverCached() {
        Response first = given().get("/api/challenge");
        first.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("algorithm", equalTo("SHA-256"), "maxnumber", greaterThan(0), "signature", notNullValue(),
                        "salt", containsString("expires="));
        assertThat(given().get("/api/challenge").jsonPath().getString("challenge"))
                .isNotEqualTo(first.jsonPath().getString("challenge"));
    }

    @Test
    void theApiWantsAProofOfWorkAndSaysSo() {
        UUID eventId = events.openEvent("Proof wanted");
        api().post("/api/events/{id}/registrations", eventId).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:bot-check-failed"), "errors[0].field", equalTo("Altcha"),
                        "errors[0].message", containsString("GET /api/challenge"));
        api().header("Altcha", "not base64 at all").post("/api/events/{id}/registrations", eventId).then()
                .statusCode(400).body("errors[0].message", containsString("not a solution"));
        nothingStoredFor(eventId);
    }

    @Test
    void aSolutionIsGoodOnceAndOnlyForItsOwnChallenge() throws Exception {
        UUID eventId = events.openEvent("Proof once");
        String solution = Proofs.fresh();

        // The same challenge with another number: the signature still matches, the hash does not.
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> wrong = json.readValue(Base64.getDecoder().decode(solution), new TypeReference<>() {
        });
        wrong.put("number", ((Number) wrong.get("number")).longValue() + 1);
        String wrongNumber = Base64.getEncoder().encodeToString(json.writeValueAsBytes(wrong));
        api().header("Altcha", wrongNumber).post("/api/events/{id}/registrations", eventId).then().statusCode(400)
                .body("errors[0].message", containsString("not a solution"));
        nothingStoredFor(eventId);

        api().header("Altcha", solution).post("/api/events/{id}/registrations", eventId).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "Bea", "email", "bea@example.org"))
                .header("Altcha", solution).post("/api/events/{id}/registrations", eventId).then().statusCode(400)
                .body("type", equalTo("urn:convene:problem:bot-check-failed"),
                        "errors[0].message", containsString("used already"));
        assertThat(Registrations.storedFor(eventId, RegistrationState.REGISTERED)).extracting(r -> r.name)
                .containsExactly("Ana");
    }

    /** Replayed at once from many clients, not one after the other: the solution still counts once. */
    @Test
    void aSolutionSentManyTimesAtOnceRegistersOnce() throws Exception {
        UUID eventId = events.openEvent("Proof replayed at once");
        String solution = Proofs.fresh();
        List<Integer> statuses = atOnce(10, i -> given().contentType(ContentType.JSON)
                .body(Map.of("name", "Replay " + i, "email", "replay" + i + "@example.org")).header("Altcha", solution)
                .post("/api/events/{id}/registrations", eventId).statusCode());
        assertThat(statuses).containsOnly(201, 400).filteredOn(status -> status == 201).hasSize(1);
        assertThat(Registrations.storedFor(eventId, RegistrationState.REGISTERED)).hasSize(1);
        assertThat(RegistrationsTopic.rowsFor(eventId)).isEqualTo(1);
    }

    /**
     * The same request again with its proof (a client retrying after a timeout or a 503, whose first try
     * may have been stored after all): the answer of the first, and nothing changes; no second confirmation.
     */
    @Test
    void aRepeatOfTheSameRequestGetsTheFirstAnswerAndChangesNothing() {
        UUID eventId = events.openEvent("Proof repeated");
        String solution = Proofs.fresh();
        String id = api().header("Altcha", solution).post("/api/events/{id}/registrations", eventId).then()
                .statusCode(201).body("alreadyRegistered", equalTo(false)).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("name", "Ana Again", "email", "Ana@Example.org"))
                .header("Altcha", solution).post("/api/events/{id}/registrations", eventId).then().statusCode(201)
                .body("id", equalTo(id), "state", equalTo("REGISTERED"), "alreadyRegistered", equalTo(false));

        Registration stored = Registrations.stored(id);
        assertThat(stored.name).isEqualTo("Ana");
        assertThat(stored.confirmationRequests).as("confirmations asked for").isEqualTo(1);
        // The same proof for the same address at another event is no repeat.
        api().header("Altcha", solution).post("/api/events/{id}/registrations", events.openEvent("Another event"))
                .then().statusCode(400).body("errors[0].message", containsString("used already"));
    }

    /** A person pressing Register several times while the first answer is slow: one registration, one answer. */
    @Test
    void oneRequestSentManyTimesAtOnceIsRegisteredOnceAndEveryAnswerSaysSo() throws Exception {
        UUID eventId = events.openEvent("Pressed many times");
        String solution = Proofs.fresh();
        List<Response> answers = atOnce(8,
                i -> api().header("Altcha", solution).post("/api/events/{id}/registrations", eventId));
        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.jsonPath().getString("id")).containsOnly(
                answers.get(0).jsonPath().getString("id"));
        List<Registration> stored = Registrations.storedFor(eventId, RegistrationState.REGISTERED);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).confirmationRequests).isEqualTo(1);
    }

    @Test
    void anExpiredChallengeIsRefused() {
        UUID eventId = events.openEvent("Proof too old");
        String stale = Proofs.solved(proofOfWork.challenge(Instant.now().minusSeconds(1)));
        api().header("Altcha", stale).post("/api/events/{id}/registrations", eventId).then().statusCode(400)
                .body("errors[0].message", containsString("expired"));
        nothingStoredFor(eventId);
    }

    @Test
    void anOrganiserNeedsNoProof() {
        UUID eventId = events.openEvent("Entered by the organiser");
        api().auth().oauth2(OrganiserTokens.valid()).post("/api/events/{id}/registrations", eventId).then().statusCode(201);
        // A token without the organiser's role is no organiser's.
        String supporter = OrganiserTokens.claims(UUID.randomUUID(), UUID.randomUUID()).groups("supporter").sign();
        given().contentType(ContentType.JSON).body(Map.of("name", "Bea", "email", "bea@example.org"))
                .auth().oauth2(supporter).post("/api/events/{id}/registrations", eventId).then().statusCode(400)
                .body("type", equalTo("urn:convene:problem:bot-check-failed"));
    }

    @Test
    void aFilledHoneypotShowsTheFormAgainWithTheAnswersKept() {
        UUID eventId = events.openEvent("Honeypot");
        Document page = Jsoup.parse(PageForms.given(eventId).formParams(ANA).formParam("website", "https://spam.example")
                .post("/events/{id}/registrations", eventId).then().statusCode(400).extract().asString());
        assertThat(page.select(".error-summary").text()).contains("only programs fill in");
        assertThat(page.select("#name").val()).isEqualTo("Ana");
        assertThat(page.select("#website").val()).isEmpty();
        nothingStoredFor(eventId);
        assertThat(Jsoup.parse(given().get("/events/{id}", eventId).asString()).select(".trap input#website"))
                .as("the honeypot is on the page, hidden").hasSize(1);
    }

    @Test
    void aFormNeedsTheTokenOfItsOwnPageAndNotAnOldOne() {
        UUID eventId = events.openEvent("Form token");
        UUID otherEvent = events.openEvent("Another form");

        Document missing = Jsoup.parse(given().formParams(ANA).post("/events/{id}/registrations", eventId).then()
                .statusCode(400).extract().asString());
        assertThat(missing.select(".error-summary").text()).contains("arrived incomplete");
        assertThat(missing.select("input[name=formToken]").val()).as("a new token to send it again").isNotEmpty();

        given().formParams(ANA).formParam("formToken", PageForms.token(otherEvent))
                .post("/events/{id}/registrations", eventId).then().statusCode(400);

        String old = formTokens.issue(eventId, Instant.now().minus(Duration.ofHours(25)));
        Document expired = Jsoup.parse(given().formParams(ANA).formParam("formToken", old)
                .post("/events/{id}/registrations", eventId).then().statusCode(400).extract().asString());
        assertThat(expired.select(".error-summary").text()).contains("open for a long time");
        assertThat(expired.select("#email").val()).isEqualTo("ana@example.org");
        nothingStoredFor(eventId);

        // Sent again from that page, it goes through.
        given().redirects().follow(false).formParams(ANA)
                .formParam("formToken", expired.select("input[name=formToken]").val())
                .post("/events/{id}/registrations", eventId).then().statusCode(303);
    }

    @Test
    void aFormSentFromAnotherSiteIsRefused() {
        UUID eventId = events.openEvent("Cross-site");
        Document refused = Jsoup.parse(PageForms.given(eventId).formParams(ANA).header("Origin", "https://evil.example")
                .post("/events/{id}/registrations", eventId).then().statusCode(403).extract().asString());
        assertThat(refused.select(".error-summary").text()).contains("sent from another website");
        PageForms.given(eventId).formParams(ANA).header("Sec-Fetch-Site", "cross-site")
                .post("/events/{id}/registrations", eventId).then().statusCode(403);
        PageForms.given(eventId).formParams(ANA).header("Origin", "null")
                .post("/events/{id}/registrations", eventId).then().statusCode(403);
        nothingStoredFor(eventId);

        PageForms.given(eventId).formParams(ANA).header("Sec-Fetch-Site", "same-origin")
                .header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .post("/events/{id}/registrations", eventId).then().statusCode(303);
    }

    @Test
    void theFormTakesTheProofTheScriptSolvedButNotTwice() {
        UUID eventId = events.openEvent("Form with a proof");
        String solution = Proofs.fresh();
        PageForms.given(eventId).formParams(ANA).formParam("altcha", solution)
                .post("/events/{id}/registrations", eventId).then().statusCode(303);
        // Pressed again: the first's answer, not a refusal.
        PageForms.given(eventId).formParams(ANA).formParam("altcha", solution)
                .post("/events/{id}/registrations", eventId).then().statusCode(303)
                .header("Location", containsString("outcome=registered"));
        Document replayed = Jsoup.parse(PageForms.given(eventId).formParam("name", "Bea")
                .formParam("email", "bea@example.org").formParam("altcha", solution)
                .post("/events/{id}/registrations", eventId).then().statusCode(400).extract().asString());
        assertThat(replayed.select(".error-summary").text()).contains("automatic check");
        assertThat(Registrations.storedFor(eventId, RegistrationState.REGISTERED)).extracting(r -> r.name)
                .containsExactly("Ana");
    }
}
