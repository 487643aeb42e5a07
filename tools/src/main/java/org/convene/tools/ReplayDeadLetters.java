package org.convene.tools;

import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.DeadLetterHeaders;

/**
 * Puts messages that a consumer dead-lettered back on the topic they came from, once their cause is fixed:
 * the same key (so the same partition), value and headers, without the dead-letter headers. Every
 * consumer of that topic reads them again, which is harmless: each applies a message idempotently, as
 * it would a redelivery. Only what names no one is printed: where each message was and why it was set
 * aside, never a value.
 *
 * <pre>
 * bin/replay-dead-letters --consumer notification-service --topic registrations [--partition 0]
 *     [--from-offset 120 --to-offset 180] [--since 2026-12-07T10:00:00Z --until …] [--dry-run]
 *     [--bootstrap-servers host:9092] [--command-config client.properties]
 * </pre>
 * Offsets are the message's on its own topic; {@code --since} and {@code --until} bound when it was set
 * aside. {@code --command-config} takes Kafka client settings (TLS, SASL) as the Kafka tools do.
 */
public final class ReplayDeadLetters {

    /** Where a replayed message was dead-lettered, so that a second replay of it can be told apart. */
    public static final String REPLAYED_FROM = "dead-letter-replayed-from";

    /** What to replay; null bounds are open. */
    public record Selection(String consumer, String topic, Integer partition, Long fromOffset, Long toOffset,
            Instant since, Instant until) {

        boolean matches(ConsumerRecord<String, String> letter) {
            Long offset = number(header(letter, DeadLetterHeaders.OFFSET));
            Long partitionOf = number(header(letter, DeadLetterHeaders.PARTITION));
            Instant deadLettered = Instant.ofEpochMilli(letter.timestamp());
            return consumer.equals(header(letter, DeadLetterHeaders.CONSUMER)) && topic.equals(header(letter, DeadLetterHeaders.TOPIC))
                    && (partition == null || partitionOf != null && partitionOf.intValue() == partition)
                    && (fromOffset == null || offset != null && offset >= fromOffset)
                    && (toOffset == null || offset != null && offset <= toOffset)
                    && (since == null || !deadLettered.isBefore(since))
                    && (until == null || deadLettered.isBefore(until));
        }
    }

    private ReplayDeadLetters() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("replay-dead-letters: " + e.getMessage());
            System.exit(2);
            return;
        }
        Properties client = new Properties();
        if (options.containsKey("command-config")) {
            try (Reader reader = Files.newBufferedReader(Path.of(options.get("command-config")))) {
                client.load(reader);
            }
        }
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("bootstrap-servers",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")));
        Selection selection = new Selection(options.get("consumer"), options.get("topic"),
                integer(options.get("partition")), number(options.get("from-offset")), number(options.get("to-offset")),
                instant(options.get("since")), instant(options.get("until")));
        int replayed = replay(client, selection, options.containsKey("dry-run"), System.out);
        System.out.println((options.containsKey("dry-run") ? "Would replay " : "Replayed ") + replayed + " messages");
    }

    /** Replays what {@code selection} names from the dead letters there are now; returns how many. */
    public static int replay(Properties client, Selection selection, boolean dryRun, PrintStream out)
            throws InterruptedException, ExecutionException {
        List<ConsumerRecord<String, String>> chosen = new ArrayList<>();
        for (ConsumerRecord<String, String> letter : deadLetters(client)) {
            if (selection.matches(letter)) {
                chosen.add(letter);
            }
        }
        if (dryRun) {
            chosen.forEach(letter -> out.println("would replay " + describe(letter)));
            return chosen.size();
        }
        Properties producer = new Properties();
        producer.putAll(client);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> send = new KafkaProducer<>(producer, new StringSerializer(),
                new StringSerializer())) {
            for (ConsumerRecord<String, String> letter : chosen) {
                RecordHeaders headers = new RecordHeaders();
                for (Header header : letter.headers()) {
                    if (!header.key().startsWith("dead-letter-")) {
                        headers.add(header);
                    }
                }
                headers.add(REPLAYED_FROM, (letter.topic() + "-" + letter.partition() + "@" + letter.offset())
                        .getBytes(StandardCharsets.UTF_8));
                RecordMetadata sent = send.send(new ProducerRecord<>(selection.topic(), null, letter.key(),
                        letter.value(), headers)).get();
                out.println("replayed " + describe(letter) + " as " + sent.topic() + "-" + sent.partition() + "@"
                        + sent.offset());
            }
        }
        return chosen.size();
    }

    /** Every dead letter there is now, read without a consumer group: nothing is committed. */
    private static List<ConsumerRecord<String, String>> deadLetters(Properties client) {
        Properties settings = new Properties();
        settings.putAll(client);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.values().removeIf(end -> end == 0);
            while (!ends.isEmpty()) {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofSeconds(1))) {
                    letters.add(letter);
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        return letters;
    }

    private static String describe(ConsumerRecord<String, String> letter) {
        return header(letter, DeadLetterHeaders.TOPIC) + "-" + header(letter, DeadLetterHeaders.PARTITION) + "@"
                + header(letter, DeadLetterHeaders.OFFSET) + " (dead-lettered at " + Instant.ofEpochMilli(letter.timestamp())
                + " by " + header(letter, DeadLetterHeaders.CONSUMER) + ": " + header(letter, DeadLetterHeaders.REASON) + ")";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + name + "; see the usage in docs");
            }
            if (name.equals("--dry-run")) {
                options.put("dry-run", "");
            } else if (i + 1 < args.length) {
                options.put(name.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        for (String required : List.of("consumer", "topic")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        if (!Topics.ALL.stream().map(Topics.Topic::name).toList().contains(options.get("topic"))) {
            throw new IllegalArgumentException("--topic must be one of Convene's topics");
        }
        return options;
    }

    private static Long number(String text) {
        return text == null ? null : Long.valueOf(text);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
