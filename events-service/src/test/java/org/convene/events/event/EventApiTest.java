package org.convene.events.event;

import static io.restassured.RestAssured.given;
import static org.convene.events.Organisers.asOrganiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.events.TestEvents;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void publishingADraftSendsItsSnapshotToTheEventsTopic() throws Exception {
        String id = asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia())
                .when().post("/api/events")
                .then().statusCode(201)
                .header("Location", containsString("/api/events/"))
                .body("status", equalTo("DRAFT"), "version", equalTo(1))
                .extract().path("id");

        asOrganiser().when().post("/api/events/{id}/publish", id)
                .then().statusCode(200)
                .body("status", equalTo("PUBLISHED"), "version", equalTo(2));

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> snapshotsOf(id), list -> !list.isEmpty()).get(0);
        CloudEventAttributes ce = CloudEventAttributes.from(record.headers());
        assertThat(ce.type()).isEqualTo(MessageType.EVENT_SNAPSHOT.ceType());
        assertThat(ce.source()).isEqualTo("/events-service");
        JsonNode value = new ObjectMapper().readTree(record.value());
        assertThat(value.get("version").asLong()).isEqualTo(2);
        assertThat(value.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(value.get("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(value.get("startsAt").asText()).endsWith(":30:00Z").as("18:30 London is 17:30Z or 18:30Z");
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream(MessageType.EVENT_SNAPSHOT.schema())) {
            String text = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text).validate(value))
                    .isEmpty();
        }
    }

    @Test
    void aDraftIsNotPublishedAndCannotBePublishedTwice() {
        String id = asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia()).post("/api/events").then().statusCode(201)
                .extract().path("id");
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);

        asOrganiser().when().post("/api/events/{id}/publish", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:conflict"));
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                Arguments.of("title", ""),
                Arguments.of("timeZone", "Mars/Olympus"),
                Arguments.of("timeZone", "+01:00"),
                Arguments.of("durationMinutes", 0),
                Arguments.of("joinUrl", "javascript:alert(1)"),
                // Taken before issue 19; the join page then answered 500 at the event's start.
                Arguments.of("joinUrl", "https://zoom.us/j/1?pwd=a|b"),
                Arguments.of("startsAt", "2020-01-01T10:00:00"));
    }

    @ParameterizedTest
    @MethodSource("invalidEvents")
    void anInvalidFieldIsNamedAndNothingIsWritten(String field, Object value) {
        int before = asOrganiser().get("/api/events").then().extract().path("size()");
        var body = new java.util.HashMap<>(TestEvents.bolivia());
        body.put(field, value);

        asOrganiser().contentType(ContentType.JSON).body(body)
                .when().post("/api/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:invalid-input"),
                        "errors.field", hasItem(field),
                        "errors", hasSize(1));

        asOrganiser().get("/api/events").then().body("size()", equalTo(before));
    }

    @Test
    void aMissingFieldIsNamed() {
        var body = new java.util.HashMap<>(TestEvents.bolivia());
        body.remove("joinUrl");
        asOrganiser().contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("joinUrl")));
    }

    @Test
    void malformedJsonIsAProblemNotAnError() {
        asOrganiser().contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:malformed-request"));
    }

    @Test
    void anUnknownEventIsNotFound() {
        asOrganiser().get("/api/events/{id}", java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"),
                        "checks.name", hasItem("Database connections health check"),
                        "checks.name", hasItem("Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private List<ConsumerRecord<String, String>> snapshotsOf(String id) {
        return TopicProbe.readAll(kafka, Topics.EVENTS).stream().filter(r -> id.equals(r.key())).toList();
    }
}
