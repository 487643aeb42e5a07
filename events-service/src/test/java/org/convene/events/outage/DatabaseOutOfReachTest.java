package org.convene.events.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.convene.events.Organisers;
import org.convene.events.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * No database connection to be had, as in a burst that keeps every pooled connection busy: the API
 * answers 503 with a problem and {@code Retry-After}, and writes nothing.
 */
@QuarkusTest
@TestProfile(DatabaseOutOfReachTest.TwoConnections.class)
class DatabaseOutOfReachTest {

    /** Two pooled connections (Flyway needs two at start), which the test holds, and a short wait for one. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT2S");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void anEventCreatedWithNoConnectionToBeHadIsAnswered503AndNotSaved() throws Exception {
        Organisers.token();
        Map<String, Object> event = new HashMap<>(TestEvents.bolivia());
        String title = "Out of reach " + UUID.randomUUID();
        event.put("title", title);

        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            asOrganiser().body(event).post("/api/events")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:convene:problem:unavailable"), "status", equalTo(503),
                            "detail", startsWith("Every connection to the database is busy"));
        }

        asOrganiser().get("/api/events").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void aPageAskedForWithNoConnectionToBeHadSaysSoInPlainWords() throws Exception {
        String session = Organisers.token();
        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            String page = given().cookie("convene_session", session).accept("text/html")
                    .get("/organiser")
                    .then().statusCode(503)
                    .contentType("text/html")
                    .header("Retry-After", "5")
                    .extract().asString();
            assertThat(page).contains("<h1>Back in a moment</h1>", "nothing you sent was saved", "lang=\"es\"");
        }
        // The API keeps its problem documents, whatever the client accepts.
        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            asOrganiser().accept("text/html, application/json").get("/api/events")
                    .then().statusCode(503).contentType("application/problem+json");
        }
    }
}
