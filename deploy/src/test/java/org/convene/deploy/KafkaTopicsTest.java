package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convene.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * In each overlay, there is a KafkaTopic for every topic a service reads or writes, and none other, set up as the
 * contracts module says; and the services' bootstrap address is the Strimzi cluster's.
 */
class KafkaTopicsTest {

    private static final Pattern KAFKA_CHANNEL =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.(.+)\\.connector");

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void everyTopicTheServicesUseExistsAsTheContractsSay(Path overlay) throws IOException {
        Rendered rendered = Rendered.of(overlay);
        String cluster = Rendered.name(rendered.kind("Kafka").getFirst());
        Set<String> topics = new HashSet<>();
        for (JsonNode topic : rendered.kind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(Rendered.name(topic));
            topics.add(name);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            Topics.Topic contract = Topics.ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("the contracts do not know topic " + name));
            JsonNode config = topic.path("spec").path("config");
            assertThat(topic.path("spec").path("partitions").asInt()).as(name).isEqualTo(contract.partitions());
            assertThat(config.path("cleanup.policy").asText()).as(name).isEqualTo(contract.cleanupPolicy());
            long keeps = config.path(contract.compacted() ? "delete.retention.ms" : "retention.ms").asLong();
            assertThat(keeps).as("%s keeps its messages (or tombstones) long enough", name)
                    .isGreaterThanOrEqualTo(Topics.RETENTION.toMillis());
            if (!contract.compacted() && !name.equals(Topics.DEAD_LETTERS)) {
                assertThat(keeps).as(name).isEqualTo(Topics.RETENTION.toMillis());
            }
        }
        assertThat(topics).isEqualTo(usedTopics());
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void theServicesBootstrapFromTheStrimziClusterAndCannotCreateTopics(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        JsonNode kafka = rendered.kind("Kafka").getFirst();
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true))
                .isFalse();
        assertThat(kafka.path("spec").path("entityOperator").has("topicOperator")).isTrue();
        for (JsonNode deployment : rendered.services()) {
            var bootstrap = Endpoints.of(rendered.configuration(deployment)).kafka();
            assertThat(bootstrap.getHost()).isEqualTo(Rendered.name(kafka) + "-kafka-bootstrap");
            // TLS exactly where the service speaks it (the production overlay's SASL_SSL).
            boolean tls = "SASL_SSL".equals(rendered.configuration(deployment).get("KAFKA_SECURITY_PROTOCOL"));
            assertThat(kafka.path("spec").path("kafka").path("listeners")).as(Rendered.name(deployment))
                    .anyMatch(l -> l.path("port").asInt() == bootstrap.getPort() && l.path("tls").asBoolean() == tls
                            && l.path("type").asText().equals("internal"));
        }
    }

    /** The topics in the services' application.properties (a channel's name if it names none), and dead letters. */
    static Set<String> usedTopics() throws IOException {
        Set<String> topics = new HashSet<>(Set.of(Topics.DEAD_LETTERS));
        for (String service : Rendered.SERVICES) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("..", service, "src", "main", "resources",
                    "application.properties"))) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                Matcher channel = KAFKA_CHANNEL.matcher(key);
                if (channel.matches() && properties.getProperty(key).equals("smallrye-kafka")) {
                    String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2);
                    topics.add(properties.getProperty(prefix + ".topic", channel.group(2)));
                }
            }
        }
        return topics;
    }
}
