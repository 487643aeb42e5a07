package org.convene.registration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts events into the catalogue the way production does: snapshots on the {@code events} topic.
 * Every message goes to partition 0, so that the service consumes them in the order sent even across
 * events; a later message being applied then proves that the earlier ones were handled.
 */
@ApplicationScoped
public class EventsTopic {

    private static final int PARTITION = 0;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final MessageCodec codec;
    private KafkaProducer<String, String> producer;

    public EventsTopic(MessageCodec codec) {
        this.codec = codec;
    }

    /** A published event a month from now, with a private join URL. */
    public static EventSnapshot upcoming(UUID id, long version, EventStatus status, String title) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withHour(17).withMinute(30)
                .withSecond(0).withNano(0);
        return new EventSnapshot(id, version, status, title, start, "Europe/London", 90, joinUrl(id));
    }

    public static String joinUrl(UUID id) {
        return "https://meet.example.org/private-" + id;
    }

    public static Headers snapshotHeaders() {
        return new CloudEventAttributes(UUID.randomUUID().toString(), MessageType.EVENT_SNAPSHOT.ceType(), "/test",
                Instant.now()).toHeaders();
    }

    public void publish(EventSnapshot snapshot) {
        send(snapshot.id().toString(), codec.write(snapshot), snapshotHeaders());
    }

    /** Publishes the snapshot and waits until the catalogue has it. */
    /** A new published event, 30 days ahead, once its page is up: one to register for. */
    public UUID openEvent(String title) {
        UUID id = UUID.randomUUID();
        publishAndAwait(upcoming(id, 1, EventStatus.PUBLISHED, title));
        return id;
    }

    /**
     * A new published event, 30 days ahead, hosted by {@code host} with {@code supporters}, with
     * {@code capacity} places (null for no limit) and a waitlist or not; once its page is up.
     */
    public EventSnapshot openEvent(String title, Integer capacity, boolean waitlist, String host, List<String> supporters) {
        EventSnapshot snapshot = withDetails(upcoming(UUID.randomUUID(), 1, EventStatus.PUBLISHED, title), capacity,
                waitlist, host, supporters);
        publishAndAwait(snapshot);
        return snapshot;
    }

    /** The same snapshot, with details saying who hosts it and how many places it has. */
    public static EventSnapshot withDetails(EventSnapshot snapshot, Integer capacity, boolean waitlist, String host,
            List<String> supporters) {
        return withDetails(snapshot, capacity, waitlist, host, supporters, false);
    }

    /** The same, saying whether the page shows the places left; the slug is {@code event-} and the id. */
    public static EventSnapshot withDetails(EventSnapshot snapshot, Integer capacity, boolean waitlist, String host,
            List<String> supporters, boolean showPlacesLeft) {
        EventDetails details = new EventDetails("event-" + snapshot.id(), "A summary", null, null, null, null, host,
                supporters, null, List.of(), capacity, waitlist, List.of(1440, 60), List.of("en", "es"), showPlacesLeft,
                false);
        return new EventSnapshot(snapshot.id(), snapshot.version(), snapshot.status(), snapshot.title(),
                snapshot.startsAt(), snapshot.timeZone(), snapshot.durationMinutes(), snapshot.joinUrl(),
                snapshot.notice(), snapshot.recordingUrl(), snapshot.reportBackUrl(), details);
    }

    public void publishAndAwait(EventSnapshot snapshot) {
        publish(snapshot);
        awaitPage(snapshot.id());
    }

    public void send(String key, String value, Headers headers) {
        try {
            producer().send(new ProducerRecord<>(Topics.EVENTS, PARTITION, key, value, headers)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + Topics.EVENTS, e);
        }
    }

    public void send(String key, String value) {
        send(key, value, new RecordHeaders());
    }

    public static void awaitPage(UUID id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/events/{id}", id).statusCode() == 200);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
