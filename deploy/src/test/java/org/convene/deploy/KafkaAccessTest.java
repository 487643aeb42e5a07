package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * In production Kafka is not open to every pod: each service authenticates as its own KafkaUser over TLS,
 * and may write only the topics it publishes to and read only those it consumes. What each service uses is
 * read from its code (the outbox's message types, the channels of application.properties), so that a new
 * topic or consumer without its ACL fails here rather than in the cluster.
 */
class KafkaAccessTest {

    private static final Pattern PUBLISHED = Pattern.compile("outbox\\.publish\\(\\s*MessageType\\.([A-Z_]+)");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");

    private final Rendered production = Rendered.of(Rendered.PRODUCTION);

    /** What a service does with Kafka, as its code says. */
    private record Use(Set<String> writes, Set<String> reads, Set<String> groups) {
    }

    @Test
    void everyListenerWantsTlsAndAUserAndTheBrokersAuthorise() {
        JsonNode kafka = production.kind("Kafka").getFirst().path("spec");
        assertThat(kafka.path("kafka").path("listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as(listener.path("name").asText()).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("entityOperator").has("userOperator")).isTrue();
    }

    @Test
    void eachServiceSignsInAsItsOwnUserAndTrustsTheClusterCa() {
        Map<String, OperatorSecrets.Secret> strimzi = SecretReferences.madeByStrimzi(production);
        String cluster = Rendered.name(production.kind("Kafka").getFirst());
        for (JsonNode deployment : production.services()) {
            String service = Rendered.name(deployment);
            Map<String, String> configuration = production.configuration(deployment);
            assertThat(configuration).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            Map<String, JsonNode> secretRefs = new HashMap<>();
            Rendered.container(deployment).path("env").forEach(env -> secretRefs.put(env.path("name").asText(),
                    env.path("valueFrom").path("secretKeyRef")));
            JsonNode jaas = secretRefs.get("KAFKA_SASL_JAAS_CONFIG");
            assertThat(jaas.path("name").asText()).as(service + "'s user").isEqualTo(service);
            assertThat(strimzi.get(service).keys()).contains(jaas.path("key").asText());
            JsonNode ca = secretRefs.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
            assertThat(ca.path("name").asText()).isEqualTo(cluster + "-cluster-ca-cert");
            assertThat(ca.path("key").asText()).isEqualTo("ca.crt");
        }
    }

    @Test
    void eachServiceMayWriteOnlyWhatItPublishesAndReadOnlyWhatItConsumes() throws IOException {
        Map<String, JsonNode> users = new HashMap<>();
        production.kind("KafkaUser").forEach(user -> users.put(Rendered.name(user), user));
        assertThat(users.keySet()).isEqualTo(Rendered.SERVICES);
        for (String service : Rendered.SERVICES) {
            Use used = usedBy(service);
            Use allowed = allowed(users.get(service));
            assertThat(allowed).as(service).isEqualTo(used);
        }
        // What the issue that asked for the ACLs names: the service that faces the internet cannot speak for the others.
        assertThat(allowed(users.get("registration-service")).writes()).doesNotContain(Topics.EVENTS, Topics.MAILINGS,
                Topics.SESSIONS);
    }

    /** The topics and groups the user's ACLs allow, by operation; every ACL names one literal resource. */
    private static Use allowed(JsonNode user) {
        Set<String> writes = new HashSet<>();
        Set<String> reads = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            assertThat(resource.path("patternType").asText()).as("no prefix or wildcard").isEqualTo("literal");
            Set<String> operations = new HashSet<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            String name = resource.path("name").asText();
            switch (resource.path("type").asText()) {
                case "topic" -> {
                    assertThat(operations).as(name).isSubsetOf("Write", "Read", "Describe");
                    if (operations.contains("Write")) {
                        writes.add(name);
                    }
                    if (operations.contains("Read")) {
                        reads.add(name);
                    }
                }
                case "group" -> {
                    assertThat(operations).as(name).containsExactly("Read");
                    groups.add(name);
                }
                default -> throw new AssertionError("an ACL on " + resource);
            }
        }
        return new Use(writes, reads, groups);
    }

    /** The outbox's message types in the service's code, its incoming channels, and dead letters if it consumes. */
    private static Use usedBy(String service) throws IOException {
        Path root = Path.of("..", service, "src", "main");
        Set<String> writes = new HashSet<>();
        try (Stream<Path> sources = Files.walk(root.resolve("java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher published = PUBLISHED.matcher(Files.readString(source));
                while (published.find()) {
                    writes.add(topicOf(published.group(1)));
                }
            }
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("resources").resolve("application.properties"))) {
            properties.load(in);
        }
        Set<String> reads = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches() && properties.getProperty(key).equals("smallrye-kafka")) {
                String prefix = "mp.messaging.incoming." + incoming.group(1);
                reads.add(properties.getProperty(prefix + ".topic", incoming.group(1)));
                groups.add(properties.getProperty(prefix + ".group.id"));
            }
        }
        if (!reads.isEmpty()) {
            writes.add(Topics.DEAD_LETTERS);
        }
        return new Use(writes, reads, groups);
    }

    private static String topicOf(String messageType) {
        try {
            return ((MessageType<?>) MessageType.class.getField(messageType).get(null)).topic();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("MessageType." + messageType + " is not a message type", e);
        }
    }
}
