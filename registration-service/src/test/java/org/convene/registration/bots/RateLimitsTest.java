package org.convene.registration.bots;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.convene.registration.organiser.OrganiserTokens;
import org.convene.registration.registration.PageForms;
import org.convene.registration.registration.Registrations;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The rate limits, small here so that a few requests reach them. Each test comes from addresses of
 * its own (as an Ingress passes them in X-Forwarded-For) and uses emails of its own.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallLimits.class)
class RateLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convene.bots.limits.per-address.registrations", "3",
                    "convene.bots.limits.without-script-per-address.registrations", "2",
                    "convene.bots.limits.per-email.registrations", "2");
        }
    }

    @Inject
    EventsTopic events;

    private static Response viaApi(UUID eventId, String address, String email, String proof) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).header("Altcha", proof)
                .body(Map.of("name", "Someone", "email", email)).post("/api/events/{id}/registrations", eventId);
    }

    @Test
    void oneEmailIsRegisteredOnlySoOftenFromAnywhereAndARefusalSpendsNothing() {
        UUID eventId = events.openEvent("Email limit");
        viaApi(eventId, "192.0.2.1", "often@example.org", Proofs.fresh()).then().statusCode(201);
        viaApi(events.openEvent("Email limit, again"), "192.0.2.2", "Often@Example.org", Proofs.fresh()).then()
                .statusCode(201);

        String proof = Proofs.fresh();
        Response refused = viaApi(events.openEvent("Email limit, third"), "192.0.2.3", "often@example.org", proof);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:too-many-requests"),
                        "detail", containsString("for this email"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);

        // The refused request neither spent its proof nor counted against its address.
        viaApi(eventId, "192.0.2.3", "someone.else@example.org", proof).then().statusCode(201);
    }

    /**
     * A request refused after it was let in (here the event is full) is not stored, so it spends no
     * proof and counts against no limit: before, admission committed on its own first, and a person
     * trying a full event three times was then told they had registered too often.
     */
    @Test
    void aRegistrationThatIsNotStoredSpendsNoProofAndCountsAgainstNoLimit() {
        UUID full = events.openEvent("Full, no waitlist", 1, false, "Friends of Bolivia", List.of()).id();
        viaApi(full, "203.0.113.40", "first-in@example.org", Proofs.fresh()).then().statusCode(201);

        String proof = Proofs.fresh();
        for (int i = 0; i < 4; i++) {
            viaApi(full, "203.0.113.41", "too-late@example.org", i == 0 ? proof : Proofs.fresh()).then().statusCode(409)
                    .body("type", equalTo("urn:convene:problem:event-full"));
        }
        // Four tries past the limits of two per email and three per address, and the first proof, all unspent.
        viaApi(events.openEvent("Open after all"), "203.0.113.41", "too-late@example.org", proof).then().statusCode(201);
    }

    @Test
    void oneAddressRegistersOnlySoOftenAndOthersAreNotHeldUp() {
        UUID eventId = events.openEvent("Address limit");
        for (int i = 0; i < 3; i++) {
            viaApi(eventId, "198.51.100.7", "address" + i + "@example.org", Proofs.fresh()).then().statusCode(201);
        }
        Response refused = viaApi(eventId, "198.51.100.7", "address3@example.org", Proofs.fresh());
        refused.then().statusCode(429).body("detail", containsString("from this address"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);

        viaApi(eventId, "198.51.100.8", "address3@example.org", Proofs.fresh()).then().statusCode(201);
    }

    @Test
    void everyAddressOfOneIpv6Slash64CountsAsOneClient() {
        UUID eventId = events.openEvent("IPv6 address limit");
        for (int i = 1; i <= 3; i++) {
            viaApi(eventId, "2001:db8:7:7::" + i, "ipv6-" + i + "@example.org", Proofs.fresh()).then().statusCode(201);
        }
        viaApi(eventId, "2001:db8:7:7:abcd:ef01:2345:6789", "ipv6-4@example.org", Proofs.fresh()).then()
                .statusCode(429).body("detail", containsString("from this address"));

        viaApi(eventId, "2001:db8:7:8::1", "ipv6-4@example.org", Proofs.fresh()).then().statusCode(201);
    }

    /** A burst at once, not one after the other: the count must hold when requests race for it. */
    @Test
    void aBurstFromOneAddressGetsNoMoreThanTheLimit() throws Exception {
        UUID eventId = events.openEvent("Address burst");
        List<String> proofs = IntStream.range(0, 12).mapToObj(i -> Proofs.fresh()).toList();
        ExecutorService burst = Executors.newFixedThreadPool(proofs.size());
        try {
            CountDownLatch ready = new CountDownLatch(proofs.size());
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < proofs.size(); i++) {
                String email = "burst" + i + "@example.org";
                String proof = proofs.get(i);
                answers.add(burst.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return viaApi(eventId, "198.51.100.99", email, proof).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 429).filteredOn(status -> status == 201).hasSize(3);
        } finally {
            burst.shutdown();
        }
        assertThat(Registrations.storedFor(eventId, RegistrationState.REGISTERED)).hasSize(3);
    }

    @Test
    void aBrowserWithoutScriptHasAStricterLimitAndIsToldWhenToComeBack() {
        UUID eventId = events.openEvent("No script");
        for (int i = 0; i < 2; i++) {
            PageForms.given(eventId).header("X-Forwarded-For", "203.0.113.9").formParam("name", "Person " + i)
                    .formParam("email", "noscript" + i + "@example.org").post("/events/{id}/registrations", eventId)
                    .then().statusCode(303);
        }
        Response refused = PageForms.given(eventId).header("X-Forwarded-For", "203.0.113.9")
                .formParam("name", "Person 2").formParam("email", "noscript2@example.org")
                .post("/events/{id}/registrations", eventId);
        refused.then().statusCode(429).header("Retry-After", notNullValue());
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".error-summary").text()).containsPattern("from your network .* try again in \\d+ minutes");
        assertThat(page.select("#email").val()).isEqualTo("noscript2@example.org");

        // With the script's proof of work, the same network's limit is the ordinary one.
        PageForms.given(eventId).header("X-Forwarded-For", "203.0.113.9").formParam("name", "Person 2")
                .formParam("email", "noscript2@example.org").formParam("altcha", Proofs.fresh())
                .post("/events/{id}/registrations", eventId).then().statusCode(303);
    }

    @Test
    void anOrganiserIsNotLimited() {
        UUID eventId = events.openEvent("Organiser's import");
        String token = OrganiserTokens.valid();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.50").auth().oauth2(token)
                    .body(Map.of("name", "Imported " + i, "email", "imported@example.org"))
                    .post("/api/events/{id}/registrations", eventId).then().statusCode(i == 0 ? 201 : 200);
        }
    }
}
