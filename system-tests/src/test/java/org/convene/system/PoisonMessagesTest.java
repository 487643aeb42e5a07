package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.DeadLetterHeaders;
import org.convene.localstack.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unreadable messages on every topic, as a bug or a stranger could put them there: each consumer of the
 * topic sets each one aside on {@code dead-letters}, with where it came from and why, and goes on with
 * the next, so that a registration made after them is confirmed and counted as ever.
 */
@ExtendWith(SystemUnderTestExtension.class)
class PoisonMessagesTest {

    /** The services consuming each topic, by the name they set messages aside under. */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            Topics.EVENTS, List.of("registration-service", "notification-service"),
            Topics.REGISTRATIONS, List.of("events-service", "notification-service"),
            Topics.MAILINGS, List.of("notification-service"),
            Topics.DELIVERIES, List.of("events-service"));

    /** A type each topic carries, for a message whose headers are right and whose value is not. */
    private static final Map<String, MessageType<?>> CARRIED = Map.of(
            Topics.EVENTS, MessageType.EVENT_SNAPSHOT,
            Topics.REGISTRATIONS, MessageType.REGISTRATION_CHANGED,
            Topics.MAILINGS, MessageType.MAILING_REQUESTED,
            Topics.DELIVERIES, MessageType.EMAILS_COUNTED);

    private final SystemUnderTest system;

    PoisonMessagesTest(SystemUnderTest system) {
        this.system = system;
    }

    /** Where one unreadable message went, and what was wrong with it. */
    private record Poison(String kind, RecordMetadata sent) {
    }

    @Test
    void everyConsumerSetsEachUnreadableMessageAsideWithItsReasonAndGoesOn() throws Exception {
        String kafka = system.stack().kafkaBootstrapServers();
        List<Poison> poisons = new ArrayList<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new StringSerializer())) {
            for (String topic : CONSUMERS.keySet()) {
                String type = CARRIED.get(topic).ceType();
                poisons.add(send(producer, topic, "not JSON", headers(type), "{\"registrationId\": "));
                poisons.add(send(producer, topic, "no CloudEvents headers", new RecordHeaders(), "{}"));
                poisons.add(send(producer, topic, "required fields missing", headers(type), "{\"name\": 42}"));
                poisons.add(send(producer, topic, "a type the topic does not carry",
                        headers("org.convene.unknown.v1"), "{}"));
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> deadLettered = TopicProbe.readAll(kafka, Topics.DEAD_LETTERS);
            for (Poison poison : poisons) {
                for (String consumer : CONSUMERS.get(poison.sent().topic())) {
                    assertThat(deadLettered).as("%s on %s, dead-lettered by %s", poison.kind(), poison.sent().topic(),
                            consumer).anySatisfy(letter -> {
                                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(poison.sent().topic());
                                assertThat(header(letter, DeadLetterHeaders.PARTITION))
                                        .isEqualTo(String.valueOf(poison.sent().partition()));
                                assertThat(header(letter, DeadLetterHeaders.OFFSET))
                                        .isEqualTo(String.valueOf(poison.sent().offset()));
                                assertThat(header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo(consumer);
                                assertThat(header(letter, DeadLetterHeaders.REASON)).isNotBlank();
                            });
                }
            }
        });

        // Every consumer went on: the event reaches both replicas of the catalogue, the registration is
        // confirmed by email, and events-service counts both the registration and the email sent.
        String eventId = system.createAndPublish("After the poison", LocalDate.now().plusDays(25).atTime(18, 0));
        system.awaitEventPage(eventId);
        String email = "after-poison+" + UUID.randomUUID() + "@example.org";
        system.asOrganiser().body(Map.of("name", "Ana Quispe", "email", email))
                .post(system.registration() + "/api/events/" + eventId + "/registrations").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.mailbox().to(email).size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var event = system.asOrganiser().get(system.events() + "/api/events/" + eventId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(event.getMap("registrations")).containsEntry("REGISTERED", 1);
            assertThat(event.getMap("emails.confirmation")).containsEntry("sent", 1);
        });
    }

    /**
     * A registration whose address an older release took and this one cannot write to: its email is failed
     * alone and counted, the next registrant's goes, and no log names the address (PersonalDataInLogsTest,
     * which runs last, reads every log for anything shaped like one).
     */
    @Test
    void anEmailThatCannotBeWrittenIsFailedAloneAndTheNextGoes() throws Exception {
        String eventId = system.createAndPublish("An address from before", LocalDate.now().plusDays(26).atTime(18, 0));
        system.awaitEventPage(eventId);
        String registration = UUID.randomUUID().toString();
        String value = """
                {"registrationId":"%s","eventId":"%s","state":"REGISTERED","name":"Ana Quispe",\
                "email":"ana\\\\quispe-%s@example.org","language":"en","occurredAt":"%s"}"""
                .formatted(registration, eventId, UUID.randomUUID(), Instant.now());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, null, registration, value,
                    headers(MessageType.REGISTRATION_CHANGED.ceType()))).get();
        }
        String next = "after-unwritable+" + UUID.randomUUID() + "@example.org";
        system.asOrganiser().body(Map.of("name", "Bea Mamani", "email", next))
                .post(system.registration() + "/api/events/" + eventId + "/registrations").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> system.mailbox().to(next).size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(system.asOrganiser()
                .get(system.events() + "/api/events/" + eventId).then().statusCode(200).extract().jsonPath()
                .getMap("emails.confirmation")).containsEntry("sent", 1).containsEntry("failed", 1));
    }

    private static Poison send(KafkaProducer<String, String> producer, String topic, String kind, Headers headers,
            String value) throws Exception {
        // A key for every message: the events topic is compacted, and Kafka refuses a message without one there.
        RecordMetadata sent = producer.send(new ProducerRecord<>(topic, null, UUID.randomUUID().toString(), value,
                headers)).get();
        return new Poison(kind, sent);
    }

    private static Headers headers(String ceType) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), ceType, "/poison", Instant.now()).toHeaders();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
