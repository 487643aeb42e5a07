package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.localstack.TopicProbe;
import org.convene.localstack.run.ConveneServices;
import org.convene.localstack.run.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What events-service puts on the {@code events} topic, read back from the real broker: every
 * snapshot as its contract describes it, in the order the changes happened, and one that waited in
 * the outbox through an outage and a restart published once.
 */
@ExtendWith(SystemUnderTestExtension.class)
class EventsTopicTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SNAPSHOT_SCHEMA = schema(MessageType.EVENT_SNAPSHOT);
    private static final Duration ON_TOPIC = Duration.ofSeconds(30);

    private final SystemUnderTest system;

    EventsTopicTest(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void everySnapshotOfAnEventIsValidAgainstItsSchemaAndItsVersionsRiseInTopicOrder() {
        String id = system.create("Bolivia – People Power, Hope & Solidarity (topic)",
                LocalDate.now().plusDays(60).atTime(18, 30));
        long published = version(system.asOrganiser().post(action(id, "publish")));
        long rescheduled = version(system.asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("startsAt", LocalDate.now().plusDays(67).atTime(18, 30).toString(),
                        "timeZone", "Europe/London", "reason", "Moved a week on: the speakers' flights changed."))
                .post(action(id, "reschedule")));
        long cancelled = version(system.asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("message", "Called off: the speakers cannot travel."))
                .post(action(id, "cancel")));

        List<JsonNode> snapshots = awaitSnapshots(id, cancelled);

        // Sorted without duplicates as well as equal to what the API answered: that alone would
        // accept a version that was never bumped.
        assertThat(versions(snapshots)).isSorted().doesNotHaveDuplicates()
                .containsExactly(published, rescheduled, cancelled);
        assertThat(snapshots).extracting(s -> s.get("status").asText())
                .containsExactly("PUBLISHED", "RESCHEDULED", "CANCELLED");
        assertThat(snapshots.get(2).get("notice").asText()).isEqualTo("Called off: the speakers cannot travel.");
    }

    @Test
    void anEventCompletedOnceItHasStartedGoesOnTheTopicValidToo() {
        // Only an event that has started can be completed: one that starts in a few seconds, completed
        // as soon as events-service agrees that it has.
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/London")).plusSeconds(10)
                .truncatedTo(ChronoUnit.SECONDS);
        String id = system.createAndPublish("Bolivia – People Power, Hope & Solidarity (completed)", start);
        String recording = "https://video.example.org/bolivia-people-power";
        Response completion = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> system.asOrganiser().contentType(ContentType.JSON)
                        .body(Map.of("recordingUrl", recording)).post(action(id, "complete")),
                        response -> response.statusCode() != 409);
        long completed = version(completion);

        List<JsonNode> snapshots = awaitSnapshots(id, completed);

        assertThat(versions(snapshots)).isSorted().doesNotHaveDuplicates().endsWith(completed);
        assertThat(snapshots).extracting(s -> s.get("status").asText()).containsExactly("PUBLISHED", "COMPLETED");
        assertThat(snapshots.get(1).get("recordingUrl").asText()).isEqualTo(recording);
    }

    @Test
    void anEventPublishedWhileKafkaIsDownIsOnTheTopicOnceAfterEventsServiceRestarts() throws Exception {
        String id = system.create("Bolivia Shows There Is An Alternative (outbox restart)",
                LocalDate.now().plusDays(70).atTime(19, 0));
        ServiceProcess eventsService = system.services().get(SystemUnderTest.EVENTS_SERVICE);
        long published;
        system.stack().stopKafka();
        try {
            // Answered from events-service's database: the snapshot waits in its outbox.
            published = version(system.asOrganiser().post(action(id, "publish")));
            // A restart drops whatever the old process held in memory; only the outbox row is left.
            // Not ConveneServices.restart: that waits for readiness, which needs Kafka.
            eventsService.stop();
            eventsService.start();
        } finally {
            system.stack().startKafka();
        }
        eventsService.awaitReady(ConveneServices.READY_TIMEOUT);

        String page = system.eventPage(id);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> given().get(page).statusCode() == 200);
        // A later change is the barrier: the relay sends in outbox order, so a second copy of the
        // published snapshot would be on the topic before this one.
        long cancelled = version(system.asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("message", "Called off after all.")).post(action(id, "cancel")));

        assertThat(versions(awaitSnapshots(id, cancelled))).containsExactly(published, cancelled);
    }

    private String action(String eventId, String action) {
        return system.events() + "/api/events/" + eventId + "/" + action;
    }

    private static long version(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getLong("version");
    }

    /**
     * The event's snapshots in topic order, once the one of {@code version} is there; each checked
     * against the contract: keyed by the event's id, of the snapshot's CloudEvents type, valid
     * against its schema.
     */
    private List<JsonNode> awaitSnapshots(String eventId, long version) {
        List<ConsumerRecord<String, String>> records = await().atMost(ON_TOPIC)
                .until(() -> recordsOf(eventId), found -> versions(found.stream().map(r -> json(r.value())).toList())
                        .contains(version));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode snapshot = json(record.value());
            assertThat(record.key()).as("key of %s", record).isEqualTo(eventId);
            assertThat(CloudEventAttributes.from(record.headers()).type()).as("ce_type of %s", record)
                    .isEqualTo(MessageType.EVENT_SNAPSHOT.ceType());
            assertThat(SNAPSHOT_SCHEMA.validate(snapshot)).as("schema errors of %s", record).isEmpty();
        }
        return records.stream().map(r -> json(r.value())).toList();
    }

    /**
     * By the id in the value, not the key, so that a record with a wrong key is found and refused. Only
     * values that name the event are read as JSON: other tests put unreadable messages on the topic
     * (PoisonMessagesTest), and a snapshot of this event that is not JSON still fails here.
     */
    private List<ConsumerRecord<String, String>> recordsOf(String eventId) {
        return TopicProbe.readAll(system.stack().kafkaBootstrapServers(), Topics.EVENTS).stream()
                .filter(r -> r.value() != null && r.value().contains(eventId))
                .filter(r -> eventId.equals(json(r.value()).path("id").asText()))
                .toList();
    }

    private static List<Long> versions(List<JsonNode> snapshots) {
        return snapshots.stream().map(s -> s.get("version").asLong()).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As contracts' MessageSchemaTest reads them, formats (uuid, date-time, uri) included. */
    private static JsonSchema schema(MessageType<?> type) {
        try (InputStream in = EventsTopicTest.class.getClassLoader().getResourceAsStream(type.schema())) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
