package org.convene.registration.bots;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.registration.EventsTopic;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A client that is not a proxy named in {@code quarkus.http.proxy.trusted-proxies} cannot choose the
 * address it is counted as: its X-Forwarded-For is ignored, and every request counts against the peer
 * it came from (here loopback, which this profile does not trust). {@link RateLimitsTest} shows the
 * other side: from a trusted proxy, the client it names is counted.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OnlyAnotherProxyTrusted.class)
class UntrustedProxyTest {

    public static class OnlyAnotherProxyTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convene.bots.limits.per-address.registrations", "3",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.254/32");
        }
    }

    @Inject
    EventsTopic events;

    private static Response forged(UUID eventId, String forgedAddress, String email) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forgedAddress)
                .header("Altcha", Proofs.fresh()).body(Map.of("name", "Someone", "email", email))
                .post("/api/events/{id}/registrations", eventId);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerCountsAgainstThePeer() {
        UUID eventId = events.openEvent("Forged addresses");
        for (int i = 1; i <= 3; i++) {
            forged(eventId, "203.0.113." + i, "forged" + i + "@example.org").then().statusCode(201);
        }
        forged(eventId, "203.0.113.4", "forged4@example.org").then().statusCode(429)
                .body("detail", containsString("from this address"));
    }
}
