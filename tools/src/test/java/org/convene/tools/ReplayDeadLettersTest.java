package org.convene.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.DeadLetterHeaders;
import org.convene.localstack.LocalStack;
import org.convene.localstack.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real broker: only the chosen dead letters go back, as they were, and nothing names a value. */
class ReplayDeadLettersTest {

    @TempDir
    static Path dir;
    static LocalStack stack;

    @BeforeAll
    static void startKafka() throws Exception {
        stack = LocalStack.start(LocalStack.Settings.ephemeral(dir));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void replaysOnlyTheChosenConsumersLettersOfATopicWithinTheOffsetsAsTheyWere() throws Exception {
        String run = UUID.randomUUID().toString();
        deadLettered("notification-service", Topics.REGISTRATIONS, 5, run + "-chosen");
        deadLettered("events-service", Topics.REGISTRATIONS, 6, run + "-other-consumer");
        deadLettered("notification-service", Topics.EVENTS, 7, run + "-other-topic");
        deadLettered("notification-service", Topics.REGISTRATIONS, 40, run + "-later-offset");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var selection = new ReplayDeadLetters.Selection("notification-service", Topics.REGISTRATIONS, 0, 0L, 20L,
                null, null);
        int dry = ReplayDeadLetters.replay(client(), selection, true, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(dry).isEqualTo(1);
        assertThat(valuesOn(Topics.REGISTRATIONS, run)).isEmpty();

        int replayed = ReplayDeadLetters.replay(client(), selection, false,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(replayed).isEqualTo(1);
        List<ConsumerRecord<String, String>> back = TopicProbe.readAll(stack.kafkaBootstrapServers(), Topics.REGISTRATIONS)
                .stream().filter(r -> r.value().contains(run)).toList();
        assertThat(back).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(run + "-chosen");
            assertThat(record.value()).isEqualTo("{\"email\":\"" + run + "-chosen@example.org\"}");
            assertThat(header(record, "ce_type")).isEqualTo("org.convene.registration.changed.v1");
            assertThat(record.headers().toArray()).extracting(Header::key).noneMatch(key -> key.startsWith("dead-letter-")
                    && !key.equals(ReplayDeadLetters.REPLAYED_FROM));
            assertThat(header(record, ReplayDeadLetters.REPLAYED_FROM)).startsWith(Topics.DEAD_LETTERS + "-0@");
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("would replay registrations-0@5", "replayed registrations-0@5")
                .doesNotContain("@example.org");
    }

    @Test
    void refusesATopicConveneDoesNotHaveAndAMissingConsumer() {
        assertThatThrownBy(() -> ReplayDeadLetters.options(new String[] { "--consumer", "x", "--topic", "orders" }))
                .hasMessageContaining("--topic");
        assertThatThrownBy(() -> ReplayDeadLetters.options(new String[] { "--topic", "events" }))
                .hasMessageContaining("--consumer is required");
        assertThat(ReplayDeadLetters.options(new String[] { "--consumer", "x", "--topic", "events", "--dry-run" }))
                .containsEntry("dry-run", "").containsEntry("topic", "events");
    }

    private static void deadLettered(String consumer, String topic, long offset, String key) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", bytes("org.convene.registration.changed.v1"));
        headers.add(DeadLetterHeaders.REASON, bytes("cannot be stored: java.sql.SQLException SQLSTATE 22021"));
        headers.add(DeadLetterHeaders.TOPIC, bytes(topic));
        headers.add(DeadLetterHeaders.PARTITION, bytes("0"));
        headers.add(DeadLetterHeaders.OFFSET, bytes(String.valueOf(offset)));
        headers.add(DeadLetterHeaders.CONSUMER, bytes(consumer));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS, null, key, "{\"email\":\"" + key + "@example.org\"}",
                    headers)).get();
        }
    }

    private static List<String> valuesOn(String topic, String run) {
        return TopicProbe.readAll(stack.kafkaBootstrapServers(), topic).stream().map(ConsumerRecord::value)
                .filter(value -> value.contains(run)).toList();
    }

    private static Properties client() {
        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return client;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
