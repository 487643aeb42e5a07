package org.convene.events.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.convene.events.Organisers;
import org.convene.platform.security.OrganiserSessions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Only a signed-in organiser gets past any organiser endpoint; the list of endpoints is OpenAPI's. */
@QuarkusTest
class OrganiserAccessTest {

    /** Endpoints open to everyone, by method and path; every other one is for organisers. */
    private static final Set<String> PUBLIC = Set.of("POST /api/session", "POST /api/session/refresh",
            "GET /calendar.ics", "GET /organiser/sign-in", "POST /organiser/sign-in", "POST /organiser/sign-out",
            "GET /organiser/session/refresh", "POST /organiser/session/refresh");

    @ConfigProperty(name = "convene.organiser.email")
    String email;

    @ConfigProperty(name = "convene.organiser.password")
    String password;

    @Test
    void signingInGivesATokenAndAnHttpOnlySameSiteCookie() {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", password))
                .post("/api/session");
        response.then().statusCode(200).body("token", notNullValue(), "expiresAt", notNullValue());
        String cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("convene_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Secure");

        // The cookie alone is enough, as it is for the pages.
        given().cookie("convene_session", response.getCookie("convene_session"))
                .get("/api/events").then().statusCode(200);
    }

    @Test
    void aWrongPasswordOrAnUnknownAddressGetTheSameAnswer() {
        for (Map<String, String> wrong : List.of(Map.of("email", email, "password", password + "x"),
                Map.of("email", "nobody@example.org", "password", password))) {
            given().contentType(ContentType.JSON).body(wrong).post("/api/session")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:convene:problem:unauthorized"),
                            "detail", equalTo("The address or the password is not right"));
        }
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/session")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void everyOrganiserEndpointRefusesAMissingExpiredForeignOrTamperedToken() throws Exception {
        List<String[]> endpoints = organiserEndpoints();
        assertThat(endpoints).extracting(e -> e[0] + " " + e[1])
                .contains("POST /api/events", "GET /api/events", "POST /api/events/{id}/publish", "DELETE /api/events/{id}",
                        "PUT /api/events/{id}", "GET /organiser", "POST /organiser/events/new", "POST /organiser/events/{id}/cancel",
                        "POST /api/events/{eventId}/mailings", "PUT /api/events/{eventId}/mailings/{mailingId}",
                        "POST /api/events/{eventId}/mailings/{mailingId}/send", "POST /organiser/events/{id}/mailings/{mailingId}/send");

        // Each token but for one flaw, in a live session: so that it is refused for that flaw alone.
        String live = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(Organisers.token().split("\\.")[1]))
                .get(OrganiserSessions.SESSION_CLAIM).asText();
        String expired = claims(live).issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .sign();
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String foreign = claims(live).sign(otherKey.generateKeyPair().getPrivate());
        String tampered = tamper(Organisers.token());
        String elsewhere = claims(live).audience("elsewhere").sign();
        String sessionless = claims(live).remove(OrganiserSessions.SESSION_CLAIM).sign();
        String unknownSession = claims(UUID.randomUUID().toString()).sign();
        String wrongRole = claims(live).groups("supporter").sign();

        for (String[] endpoint : endpoints) {
            // Every path parameter ({id}, {eventId}, {mailingId}) an id that exists nowhere.
            String path = endpoint[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            String name = endpoint[0] + " " + endpoint[1];
            assertThat(call(endpoint[0], path, endpoint[2], null)).as(name + " without a token").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], expired)).as(name + " with an expired token").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], foreign)).as(name + " with another key's token").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], tampered)).as(name + " with a tampered token").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], elsewhere)).as(name + " for another audience").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], sessionless)).as(name + " without a session").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], unknownSession)).as(name + " of no session").isEqualTo(401);
            assertThat(call(endpoint[0], path, endpoint[2], wrongRole)).as(name + " without the organiser role").isEqualTo(403);
        }
    }

    private JwtClaimsBuilder claims(String session) {
        return Jwt.issuer("convene").audience(OrganiserSessions.AUDIENCE).upn(email).groups(Organiser.ROLE)
                .claim(OrganiserSessions.SESSION_CLAIM, session).expiresAt(Instant.now().plusSeconds(600));
    }

    /** Sent as the endpoint takes it, so that it is the token, not the body, that is judged. */
    private static int call(String method, String path, String mediaType, String token) {
        var request = mediaType == null ? given()
                : ContentType.URLENC.matches(mediaType) ? given().contentType(ContentType.URLENC).formParam("title", "x")
                : given().contentType(ContentType.JSON).body("{}");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.request(method, path).statusCode();
    }

    /** The same header and signature with a payload that claims more time: the signature no longer fits. */
    private static String tamper(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectMapper json = new ObjectMapper();
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.put("exp", payload.get("exp").asLong() + 86_400);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(payload));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static List<String[]> organiserEndpoints() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString()).get("paths");
        List<String[]> endpoints = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String upper = operation.getKey().toUpperCase();
            if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(upper)
                    && !PUBLIC.contains(upper + " " + path.getKey())) {
                var content = operation.getValue().path("requestBody").path("content").fieldNames();
                endpoints.add(new String[] { upper, path.getKey(), content.hasNext() ? content.next() : null });
            }
        }));
        return endpoints;
    }
}
