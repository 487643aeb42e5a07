package org.convene.events.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.convene.events.Organisers;
import org.convene.events.TestEvents;
import org.convene.contracts.Topics;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The back office holds a seed event completely: its people, organisations, texts and settings. */
@QuarkusTest
class EventDetailsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The first seed event (Friends of Bolivia, 19 April), with its chair and five speakers. */
    static Map<String, Object> seedEvent(String title) {
        Map<String, Object> event = new HashMap<>(TestEvents.bolivia());
        event.put("title", title);
        event.put("summary", "Marking six months since the Left's historic election victory.");
        event.put("description", "<p>Hear from <strong>eyewitnesses</strong>.<script>alert(1)</script></p>"
                + "<p><a href=\"https://friendsofbolivia.example/\" onclick=\"x()\">Friends of Bolivia</a></p>");
        event.put("imageUrl", "https://friendsofbolivia.example/poster.jpg");
        event.put("imageAlt", "Wiphala flags at a rally in La Paz");
        event.put("host", "Friends of Bolivia");
        event.put("supporters", List.of("Labour Friends of Progressive Latin America",
                "a range of solidarity and labour movement groups"));
        event.put("chair", Map.of("name", "Christine Blower", "affiliation", "Labour Friends of Progressive Latin America"));
        event.put("speakers", List.of(
                Map.of("name", "Ollie Vargas", "affiliation", "journalist, Kawsachun News (eyewitness speaker from Bolivia)"),
                Map.of("name", "Jeremy Corbyn", "affiliation", "MP"),
                Map.of("name", "Miriam Colque", "affiliation", "Bolivian activist in London"),
                Map.of("name", "Claudia Tuberg-Defor", "affiliation", "Wiphalas Across the World"),
                Map.of("name", "Alex Main", "affiliation", "Director of International Policy, CEPR (US)")));
        event.put("capacity", 1500);
        event.put("waitlist", true);
        event.put("showPlacesLeft", true);
        event.put("joinLinkInReminders", true);
        event.put("languages", List.of("en", "es"));
        return event;
    }

    @Test
    void aSeedEventIsHeldCompletelyAndPublishedWithItsDetails() throws Exception {
        String title = "Bolivia – People Power, Hope & Solidarity " + UUID.randomUUID();
        String id = asOrganiser().contentType(ContentType.JSON).body(seedEvent(title))
                .post("/api/events")
                .then().statusCode(201)
                .body("details.slug", startsWith("bolivia-people-power-hope-solidarity-"),
                        "details.chair.name", equalTo("Christine Blower"),
                        "details.speakers.name", equalTo(List.of("Ollie Vargas", "Jeremy Corbyn", "Miriam Colque",
                                "Claudia Tuberg-Defor", "Alex Main")),
                        "details.supporters[0]", equalTo("Labour Friends of Progressive Latin America"),
                        "details.reminderMinutes", equalTo(List.of(1440, 60)),
                        "details.languages", equalTo(List.of("en", "es")),
                        "details.showPlacesLeft", equalTo(true),
                        "details.joinLinkInReminders", equalTo(true),
                        "details.descriptionHtml", equalTo("<p>Hear from <strong>eyewitnesses</strong>.</p><p><a href="
                                + "\"https://friendsofbolivia.example/\" rel=\"noopener noreferrer nofollow\">Friends of "
                                + "Bolivia</a></p>"))
                .extract().path("id");
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);

        JsonNode details = await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.readAll(kafka, Topics.EVENTS)
                .stream().filter(r -> id.equals(r.key())).toList(), l -> !l.isEmpty())
                .get(0).value() instanceof String value ? new ObjectMapper().readTree(value).get("details") : null;
        assertThat(details.get("speakers")).hasSize(5);
        assertThat(details.get("speakers").get(0).get("name").asText()).isEqualTo("Ollie Vargas");
        assertThat(details.get("capacity").asInt()).isEqualTo(1500);
        assertThat(details.get("waitlist").asBoolean()).isTrue();
        assertThat(details.get("showPlacesLeft").asBoolean()).isTrue();
        assertThat(details.get("joinLinkInReminders").asBoolean()).isTrue();
        assertThat(details.get("descriptionHtml").asText()).doesNotContain("script").doesNotContain("onclick");
    }

    @Test
    void theSameTitleGetsItsOwnSlug() {
        String title = "Solidarity with Bolivia " + UUID.randomUUID();
        String first = asOrganiser().contentType(ContentType.JSON).body(seedEvent(title)).post("/api/events")
                .then().statusCode(201).extract().path("details.slug");
        String second = asOrganiser().contentType(ContentType.JSON).body(seedEvent(title)).post("/api/events")
                .then().statusCode(201).extract().path("details.slug");
        assertThat(second).isEqualTo(first + "-2");
    }

    @Test
    void eventsOfOneTitleCreatedAtOnceEachGetTheirOwnSlug() throws Exception {
        String title = "Kawsachun " + UUID.randomUUID();
        String token = Organisers.token();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> slugs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                slugs.add(pool.submit(() -> given().auth().oauth2(token)
                        .contentType(ContentType.JSON).body(seedEvent(title)).post("/api/events")
                        .then().statusCode(201).extract().<String>path("details.slug")));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> slug : slugs) {
                distinct.add(slug.get());
            }
            assertThat(distinct).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPersonTypedOnceCanBePickedAgain() {
        String unique = "Juana Maldonado " + UUID.randomUUID();
        Map<String, Object> event = seedEvent("Solidarity with Bolivia – the People in Power");
        event.put("speakers", List.of(Map.of("name", unique, "affiliation", "Wiphalas Across the World")));
        asOrganiser().contentType(ContentType.JSON).body(event).post("/api/events").then().statusCode(201);

        asOrganiser().queryParam("q", unique.substring(0, 20).toLowerCase()).get("/api/people")
                .then().statusCode(200)
                .body("name", hasItem(unique), "affiliation", hasItem("Wiphalas Across the World"));
    }

    static List<Arguments> invalidDetails() {
        return List.of(
                Arguments.of("imageAlt", Map.of("imageUrl", "https://x.example/p.jpg", "imageAlt", " ")),
                Arguments.of("capacity", Map.of("capacity", 0)),
                Arguments.of("languages[0]", Map.of("languages", List.of("fr"))),
                Arguments.of("reminderMinutes[0]", Map.of("reminderMinutes", List.of(1))),
                Arguments.of("livestreamUrl", Map.of("livestreamUrl", "ftp://x.example/live")),
                Arguments.of("chair", Map.of("chair", Map.of("affiliation", "No name"))),
                Arguments.of("speakers[1].name", Map.of("speakers", List.of(Map.of("name", "Tim Young"),
                        Map.of("name", "")))));
    }

    @ParameterizedTest
    @MethodSource("invalidDetails")
    void invalidDetailsAreNamed(String field, Map<String, Object> change) {
        Map<String, Object> event = seedEvent("Invalid " + UUID.randomUUID());
        event.putAll(change);
        asOrganiser().contentType(ContentType.JSON).body(event).post("/api/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

}
