package org.convene.events.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sign-in limits, small here so that a few tries reach them. Each test tries from client addresses of
 * its own (as an ingress passes them in X-Forwarded-For, from loopback, which is trusted).
 */
@QuarkusTest
@TestProfile(SignInLimitsTest.SmallLimits.class)
class SignInLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convene.sign-in.limits.per-account.attempts", "3",
                    "convene.sign-in.limits.per-address.attempts", "5");
        }
    }

    private static final String PASSWORD = "a long passphrase of the test's own";

    /**
     * An organiser of the test's own: the counts are in the database, and the first organiser's account
     * is signed in to by every other test class within the same window.
     */
    private static String newOrganiser() {
        String email = "limited-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> Organiser.create(email, "Limited", PASSWORD, Instant.now()).persist());
        return email;
    }

    private static Response signIn(String client, String email, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", password)).post("/api/session");
    }

    @Test
    void anAccountIsTriedOnlySoOftenAndTheRightPasswordWaitsToo() {
        String email = newOrganiser();
        for (int i = 0; i < 3; i++) {
            signIn("192.0.2." + (10 + i), email, PASSWORD + "-guess-" + i).then().statusCode(401);
        }
        Response limited = signIn("192.0.2.20", email.toUpperCase(), PASSWORD);
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:too-many-requests"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }

    /** The answers for an address that is nobody's are the same, so the limit tells nothing about accounts. */
    @Test
    void anAddressThatIsNoAccountIsLimitedAlikeAndAnsweredAlike() {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        String known = "known-limited@example.org";
        for (int i = 0; i < 3; i++) {
            signIn("198.51.100." + (10 + i), nobody, "a guess").then().statusCode(401)
                    .body("detail", equalTo(SessionResource.WRONG_CREDENTIALS));
        }
        String answer = signIn("198.51.100.20", nobody, "a guess").then().statusCode(429).extract().path("detail");
        assertThat(answer).startsWith(SessionResource.TOO_MANY);
        // Someone else, from elsewhere, is not held up.
        signIn("198.51.100.21", known, "a guess").then().statusCode(401);
    }

    @Test
    void oneClientTriesOnlySoManyAccountsAndOthersAreNotHeldUp() {
        for (int i = 0; i < 5; i++) {
            signIn("203.0.113.50", "spray-" + i + "@example.org", "Winter2026!").then().statusCode(401);
        }
        signIn("203.0.113.50", "spray-5@example.org", "Winter2026!").then().statusCode(429);
        signIn("203.0.113.51", newOrganiser(), PASSWORD).then().statusCode(200);
    }

    @Test
    void theFormSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            signIn("203.0.113.60", "form-" + i + "@example.org", "a guess").then().statusCode(401);
        }
        var csrf = given().get("/organiser/sign-in");
        String token = org.jsoup.Jsoup.parse(csrf.asString()).select("input[name=csrf-token]").val();
        String page = given().redirects().follow(false).header("X-Forwarded-For", "203.0.113.60")
                .cookie("csrf-token", csrf.cookie("csrf-token")).contentType(ContentType.URLENC)
                .formParam("email", newOrganiser()).formParam("password", PASSWORD).formParam("csrf-token", token)
                .post("/organiser/sign-in").then().statusCode(429).extract().asString();
        assertThat(org.jsoup.Jsoup.parse(page).text()).contains(SessionResource.TOO_MANY, "Try again in");
    }
}
