package org.convene.events.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.Topics;
import org.convene.localstack.AdjustableClock;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sessions end on the server: a token lives minutes, a refresh token makes the next one while the session
 * lives, and signing out or changing the password ends sessions at once, here and, through the
 * {@code sessions} topic, in the other services.
 */
@QuarkusTest
class SessionsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    AdjustableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private static String newOrganiser() {
        String email = "session-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> Organiser.create(email, "Sessions", PASSWORD, Instant.now()).persist());
        return email;
    }

    private static Response signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/api/session");
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static int eventsWith(String token) {
        return given().auth().oauth2(token).get("/api/events").statusCode();
    }

    @Test
    void aTokenLivesMinutesNamesItsAudienceAndSessionAndIsRefreshedWhileTheSessionLives() throws Exception {
        Response signedIn = signIn(newOrganiser(), PASSWORD);
        signedIn.then().statusCode(200);
        String token = signedIn.path("token");
        String refresh = signedIn.path("refreshToken");
        JsonNode claims = claims(token);
        assertThat(claims.get("aud").asText()).isEqualTo("convene");
        assertThat(claims.get("sid").asText()).isNotBlank();
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(Instant.parse(signedIn.path("sessionEndsAt"))).isAfter(Instant.now().plus(Duration.ofHours(7)));

        String next = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/session/refresh").then().statusCode(200).extract().path("token");
        assertThat(claims(next).get("sid")).isEqualTo(claims.get("sid"));
        assertThat(claims(next).get("jti")).isNotEqualTo(claims.get("jti"));
        assertThat(eventsWith(next)).isEqualTo(200);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh + "x")).post("/api/session/refresh")
                .then().statusCode(401);
    }

    @Test
    void signingOutEndsTheSessionEverywhere() throws Exception {
        Response signedIn = signIn(newOrganiser(), PASSWORD);
        String token = signedIn.path("token");
        String refresh = signedIn.path("refreshToken");
        String session = claims(token).get("sid").asText();
        assertThat(eventsWith(token)).isEqualTo(200);

        given().auth().oauth2(token).delete("/api/session").then().statusCode(204);

        assertThat(eventsWith(token)).as("the token after sign-out").isEqualTo(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/session/refresh")
                .then().statusCode(401);
        // Told to the other services, which refuse the token too (registration-service's EndedSessionTest).
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readAll(kafka, Topics.SESSIONS).stream()
                .anyMatch(record -> session.equals(record.key()) && record.value().contains("\"tokensValidUntil\"")));
    }

    @Test
    void aChangedPasswordEndsEveryOtherSessionAndTheOldPasswordStopsWorking() {
        String email = newOrganiser();
        String here = signIn(email, PASSWORD).path("token");
        String elsewhere = signIn(email, PASSWORD).path("token");

        given().auth().oauth2(here).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not it at all", "newPassword", "a brand new passphrase"))
                .put("/api/organiser/password").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currentPassword"));
        given().auth().oauth2(here).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "too short"))
                .put("/api/organiser/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        assertThat(eventsWith(elsewhere)).as("nothing changed by a refused change").isEqualTo(200);

        given().auth().oauth2(here).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"))
                .put("/api/organiser/password").then().statusCode(204);

        assertThat(eventsWith(here)).as("the session that changed it").isEqualTo(200);
        assertThat(eventsWith(elsewhere)).as("another session").isEqualTo(401);
        signIn(email, PASSWORD).then().statusCode(401);
        signIn(email, "a brand new passphrase").then().statusCode(200);
    }

    /** The back office's token expires in minutes; its pages refresh it from the refresh cookie, forms included. */
    @Test
    void aPageWithAnExpiredTokenIsRefreshedFromTheSessionAndAFormIsNotLost() {
        String email = newOrganiser();
        // Signed in an hour ago, as the service's clock says: the token has expired, the session lives.
        clock.advance(Duration.ofHours(-1));
        Response page = given().get("/organiser/sign-in");
        String csrf = org.jsoup.Jsoup.parse(page.asString()).select("input[name=csrf-token]").val();
        Response signedIn = given().redirects().follow(false).cookie("csrf-token", page.cookie("csrf-token"))
                .contentType(ContentType.URLENC).formParam("email", email).formParam("password", PASSWORD)
                .formParam("csrf-token", csrf).post("/organiser/sign-in");
        signedIn.then().statusCode(303);
        clock.reset();
        String expired = signedIn.cookie("convene_session");
        String refresh = signedIn.cookie("convene_refresh");
        assertThat(signedIn.detailedCookie("convene_refresh").getPath()).isEqualTo("/organiser");

        Response asked = given().redirects().follow(false).cookie("convene_session", expired)
                .cookie("convene_refresh", refresh).get("/organiser/password");
        asked.then().statusCode(307);
        String location = asked.header("Location");
        assertThat(location).contains("/organiser/session/refresh?then=%2Forganiser%2Fpassword");

        // As the browser follows it: the address is sent as it came, already encoded.
        Response refreshed = given().urlEncodingEnabled(false).redirects().follow(false).cookie("convene_refresh", refresh)
                .get(location);
        refreshed.then().statusCode(307);
        assertThat(refreshed.header("Location")).endsWith("/organiser/password");
        given().cookie("convene_session", refreshed.cookie("convene_session")).get("/organiser/password").then()
                .statusCode(200);

        // A form sent with the expired token: 307 both ways, which browsers follow with the same method and body.
        Response sent = given().redirects().follow(false).cookie("convene_session", expired).cookie("convene_refresh", refresh)
                .cookie("csrf-token", page.cookie("csrf-token")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("currentPassword", "x").post("/organiser/password");
        sent.then().statusCode(307);
        Response forwarded = given().urlEncodingEnabled(false).redirects().follow(false).cookie("convene_refresh", refresh)
                .cookie("csrf-token", page.cookie("csrf-token")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("currentPassword", "x").post(sent.header("Location"));
        forwarded.then().statusCode(307);
        assertThat(forwarded.header("Location")).endsWith("/organiser/password");
        assertThat(forwarded.cookie("convene_session")).isNotBlank();

        // Without a live session, the sign-in form.
        given().urlEncodingEnabled(false).redirects().follow(false).cookie("convene_refresh", "not-a-session").get(location).then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.containsString("/organiser/sign-in"));
    }
}
