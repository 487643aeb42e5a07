package org.convene.events.event;

import static org.convene.events.Organisers.asOrganiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.convene.events.TestEvents;
import org.convene.contracts.Topics;
import org.convene.localstack.AdjustableClock;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every step of an event's life after publication, and every step that is refused. */
@QuarkusTest
class EventLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void rescheduleAndCancelEachPublishAHigherVersionWithTheOrganisersWord() {
        String id = published();
        String newStart = LocalDateTime.now().plusDays(37).withHour(19).withMinute(0).withSecond(0).withNano(0).toString();

        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("startsAt", newStart, "timeZone", "America/La_Paz",
                        "reason", "Moved so that our speakers in La Paz can join"))
                .when().post("/api/events/{id}/reschedule", id)
                .then().statusCode(200)
                .body("status", equalTo("RESCHEDULED"), "version", equalTo(3), "timeZone", equalTo("America/La_Paz"),
                        "notice", equalTo("Moved so that our speakers in La Paz can join"));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", "Called off: the venue of the livestream closed"))
                .when().post("/api/events/{id}/cancel", id)
                .then().statusCode(200).body("status", equalTo("CANCELLED"), "version", equalTo(4));

        List<JsonNode> snapshots = await().atMost(Duration.ofSeconds(20))
                .until(() -> snapshotsOf(id), list -> list.size() == 3);
        assertThat(snapshots).extracting(s -> s.get("version").asInt()).containsExactly(2, 3, 4);
        assertThat(snapshots).extracting(s -> s.get("status").asText())
                .containsExactly("PUBLISHED", "RESCHEDULED", "CANCELLED");
        assertThat(snapshots.get(1).get("startsAt").asText()).endsWith("T19:00:00-04:00"); // La Paz has no summer time
        assertThat(snapshots.get(1).get("notice").asText()).isEqualTo("Moved so that our speakers in La Paz can join");
        assertThat(snapshots.get(2).get("notice").asText()).isEqualTo("Called off: the venue of the livestream closed");
    }

    @Test
    void refusedStepsAreConflictsAndChangeNothing() {
        String draft = created();
        asOrganiser().contentType(ContentType.JSON).body(reschedule()).post("/api/events/{id}/reschedule", draft)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:conflict"), "detail", containsString("DRAFT"));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", "No")).post("/api/events/{id}/cancel", draft)
                .then().statusCode(409);

        String cancelled = published();
        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", "Called off")).post("/api/events/{id}/cancel", cancelled)
                .then().statusCode(200);
        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", "Twice")).post("/api/events/{id}/cancel", cancelled)
                .then().statusCode(409);
        asOrganiser().contentType(ContentType.JSON).body(reschedule()).post("/api/events/{id}/reschedule", cancelled)
                .then().statusCode(409);
        asOrganiser().get("/api/events/{id}", cancelled).then().body("version", equalTo(3), "status", equalTo("CANCELLED"));
    }

    @Test
    void invalidRequestsNameTheirField() {
        String id = published();
        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2020-05-16T19:00:00", "timeZone", "Europe/London", "reason", "Back in time"))
                .post("/api/events/{id}/reschedule", id)
                .then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("startsAt", LocalDateTime.now().plusDays(9).toString(), "timeZone", "Europe/London"))
                .post("/api/events/{id}/reschedule", id)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", " "))
                .post("/api/events/{id}/cancel", id)
                .then().statusCode(400).body("errors[0].field", equalTo("message"));
        asOrganiser().get("/api/events/{id}", id).then().body("version", equalTo(2), "status", equalTo("PUBLISHED"));
    }

    @Test
    void anEventIsCompletedOnceStartedAndItsLinksCanBeAddedLater() {
        String id = published();
        Map<String, String> recording = Map.of("recordingUrl", "https://video.example.org/bolivia");
        asOrganiser().contentType(ContentType.JSON).body(recording).post("/api/events/{id}/complete", id)
                .then().statusCode(409).body("detail", containsString("once it has started"));

        clock.advance(Duration.ofDays(31));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("recordingUrl", "javascript:alert(1)"))
                .post("/api/events/{id}/complete", id)
                .then().statusCode(400).body("errors[0].field", equalTo("recordingUrl"));
        asOrganiser().contentType(ContentType.JSON).body(recording).post("/api/events/{id}/complete", id)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"), "version", equalTo(3),
                        "recordingUrl", equalTo("https://video.example.org/bolivia"), "reportBackUrl", nullValue());
        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("recordingUrl", "https://video.example.org/bolivia",
                        "reportBackUrl", "https://friends.example.org/report-back"))
                .post("/api/events/{id}/complete", id)
                .then().statusCode(200).body("version", equalTo(4));

        JsonNode last = await().atMost(Duration.ofSeconds(20))
                .until(() -> snapshotsOf(id), list -> list.size() == 3).get(2);
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(last.get("reportBackUrl").asText()).isEqualTo("https://friends.example.org/report-back");
    }

    @Test
    void aDraftIsDeletedWithoutTraceButAPublicEventIsNot() {
        String draft = created();
        asOrganiser().delete("/api/events/{id}", draft).then().statusCode(204);
        asOrganiser().get("/api/events/{id}", draft).then().statusCode(404);

        String published = published();
        asOrganiser().delete("/api/events/{id}", published)
                .then().statusCode(409).body("detail", containsString("cancel"));
        asOrganiser().get("/api/events/{id}", published).then().statusCode(200);

        // The published one reached the topic; the deleted draft never did.
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotsOf(published), list -> list.size() == 1);
        assertThat(snapshotsOf(draft)).isEmpty();
    }

    @Test
    void aDraftIsEditedFreelyButAPublicEventKeepsItsSlugAndItsTime() {
        String draft = created();
        Map<String, Object> renamed = new HashMap<>(TestEvents.bolivia());
        renamed.put("title", "Bolivia after the elections");
        renamed.put("timeZone", "America/La_Paz");
        asOrganiser().contentType(ContentType.JSON).body(renamed).put("/api/events/{id}", draft)
                .then().statusCode(200)
                .body("version", equalTo(2), "title", equalTo("Bolivia after the elections"),
                        "timeZone", equalTo("America/La_Paz"), "details.slug", equalTo("bolivia-after-the-elections"));
        assertThat(snapshotsOf(draft)).as("a draft is nobody's business but the organiser's").isEmpty();

        asOrganiser().post("/api/events/{id}/publish", draft).then().statusCode(200);
        renamed.put("title", "Bolivia after the elections: what next");
        renamed.put("summary", "What the new government means for the movements");
        asOrganiser().contentType(ContentType.JSON).body(renamed).put("/api/events/{id}", draft)
                .then().statusCode(200)
                .body("version", equalTo(4), "details.slug", equalTo("bolivia-after-the-elections"));

        Map<String, Object> moved = new HashMap<>(renamed);
        moved.put("startsAt", LocalDateTime.now().plusDays(40).withNano(0).toString());
        asOrganiser().contentType(ContentType.JSON).body(moved).put("/api/events/{id}", draft)
                .then().statusCode(409).body("detail", containsString("rescheduling"));
        Map<String, Object> untitled = new HashMap<>(renamed);
        untitled.put("title", " ");
        asOrganiser().contentType(ContentType.JSON).body(untitled).put("/api/events/{id}", draft)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));

        List<JsonNode> snapshots = await().atMost(Duration.ofSeconds(20))
                .until(() -> snapshotsOf(draft), list -> list.size() == 2);
        assertThat(snapshots.get(1).get("version").asInt()).isEqualTo(4);
        assertThat(snapshots.get(1).get("title").asText()).isEqualTo("Bolivia after the elections: what next");
        assertThat(snapshots.get(1).at("/details/summary").asText()).startsWith("What the new government");

        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", "Called off"))
                .post("/api/events/{id}/cancel", draft).then().statusCode(200);
        asOrganiser().contentType(ContentType.JSON).body(renamed).put("/api/events/{id}", draft)
                .then().statusCode(409).body("detail", containsString("CANCELLED"));
        asOrganiser().get("/api/events/{id}", draft).then().body("version", equalTo(5));
    }

    private static Map<String, Object> reschedule() {
        return Map.of("startsAt", LocalDateTime.now().plusDays(45).withNano(0).toString(), "timeZone", "Europe/London",
                "reason", "A later date");
    }

    private static String created() {
        return asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia()).post("/api/events")
                .then().statusCode(201).extract().path("id");
    }

    private static String published() {
        String id = created();
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);
        return id;
    }

    private List<JsonNode> snapshotsOf(String id) {
        return TopicProbe.readAll(kafka, Topics.EVENTS).stream().filter(r -> id.equals(r.key())).map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
