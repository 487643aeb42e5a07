package org.convene.registration.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every organiser endpoint of this service, as its OpenAPI document lists them (so that a new one is
 * covered without a change here), refuses anyone without a valid organiser token, and the public
 * side never asks for one, even when a stale cookie comes along.
 */
@QuarkusTest
class OrganiserAccessTest {

    /** Open to everyone, by method and path; every other operation is for organisers. */
    private static final Set<String> PUBLIC = Set.of("GET /", "GET /events/{address}", "GET /embed/events/{address}",
            "POST /events/{id}/registrations", "GET /events/{id}/registered", "POST /api/events/{eventId}/registrations",
            "GET /registrations/{id}/cancel", "POST /registrations/{id}/cancel", "GET /join/{id}", "GET /api/challenge");

    @Test
    void everyOrganiserEndpointRefusesAMissingExpiredForeignOrTamperedToken() throws Exception {
        List<String[]> endpoints = organiserEndpoints();
        assertThat(endpoints).extracting(e -> e[0] + " " + e[1]).containsExactlyInAnyOrder(
                "GET /api/registrants/{eventId}", "POST /api/supporters/export", "POST /api/supporters/erasure");

        UUID organiser = UUID.randomUUID();
        String expired = OrganiserTokens.claims(organiser, UUID.randomUUID()).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String foreign = OrganiserTokens.claims(organiser, UUID.randomUUID()).sign(otherKey.generateKeyPair().getPrivate());
        // Signed with the right key, but made for something else, or for no session.
        String elsewhere = OrganiserTokens.claims(organiser, UUID.randomUUID()).audience("elsewhere").sign();
        String sessionless = OrganiserTokens.claims(organiser, UUID.randomUUID()).remove("sid").sign();
        String valid = OrganiserTokens.valid();
        // The same claims with the first bytes of the signature changed.
        int signature = valid.lastIndexOf('.') + 1;
        String tampered = valid.substring(0, signature) + (valid.charAt(signature) == 'A' ? "BBBB" : "AAAA")
                + valid.substring(signature + 4);
        String supporter = OrganiserTokens.claims(organiser, UUID.randomUUID()).groups("supporter").sign();

        for (String[] endpoint : endpoints) {
            String path = endpoint[1].replace("{eventId}", UUID.randomUUID().toString());
            String name = endpoint[0] + " " + endpoint[1];
            for (String token : new String[] { null, expired, foreign, tampered, elsewhere, sessionless }) {
                var request = given().contentType(ContentType.JSON).body("{\"email\":\"ana@example.org\"}");
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                request.request(endpoint[0], path).then().statusCode(401).contentType("application/problem+json")
                        .body("type", equalTo("urn:convene:problem:unauthorized"));
            }
            assertThat(given().contentType(ContentType.JSON).body("{\"email\":\"ana@example.org\"}").auth()
                    .oauth2(supporter).request(endpoint[0], path).statusCode()).as(name + " without the role")
                    .isEqualTo(403);
            // The back office's cookie serves as well as the header.
            assertThat(given().contentType(ContentType.JSON).body("{\"email\":\"ana@example.org\"}")
                    .cookie("convene_session", valid).request(endpoint[0], path).statusCode()).as(name)
                    .isIn(200, 404);
        }
    }

    @Test
    void aStaleCookieNeverStandsBetweenAnyoneAndThePublicPages() {
        given().cookie("convene_session", "not-a-token").get("/").then().statusCode(200);
        given().cookie("convene_session", "not-a-token").contentType(ContentType.JSON)
                .body("{\"name\":\"Ana\",\"email\":\"ana@example.org\"}")
                .post("/api/events/{id}/registrations", UUID.randomUUID()).then().statusCode(404);
        // A registrant's joining link answers on the link alone: here, that this one does not work.
        given().cookie("convene_session", "not-a-token").get("/join/{id}", UUID.randomUUID()).then().statusCode(400);
    }

    private static List<String[]> organiserEndpoints() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString()).get("paths");
        List<String[]> endpoints = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String method = operation.getKey().toUpperCase();
            if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                    && !PUBLIC.contains(method + " " + path.getKey())) {
                endpoints.add(new String[] { method, path.getKey() });
            }
        }));
        return endpoints;
    }
}
