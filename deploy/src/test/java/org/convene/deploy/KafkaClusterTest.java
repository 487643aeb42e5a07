package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** In each overlay, the Kafka cluster's node pools can hold what its replication settings ask for. */
class KafkaClusterTest {

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void replicationFitsTheBrokersAndTheControllersFormAQuorum(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.kind("Kafka")).hasSize(1);
        JsonNode kafka = rendered.kind("Kafka").getFirst();
        List<JsonNode> pools = rendered.kind("KafkaNodePool").stream().map(JsonNode.class::cast).toList();
        assertThat(pools).allSatisfy(pool -> assertThat(
                pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .isEqualTo(Rendered.name(kafka)));
        int brokers = nodes(pools, "broker");
        int controllers = nodes(pools, "controller");
        assertThat(controllers % 2).as("an odd number of controllers").isEqualTo(1);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        int replication = config.path("default.replication.factor").asInt();
        assertThat(replication).isBetween(1, brokers);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(replication);
        assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(replication);
        int minInSync = config.path("min.insync.replicas").asInt();
        // One broker may be away while writes with acks=all (the outbox's) still succeed, where there are several.
        assertThat(minInSync).isEqualTo(replication == 1 ? 1 : replication - 1);
        assertThat(config.path("transaction.state.log.min.isr").asInt()).isEqualTo(minInSync);
    }

    /** How many nodes have the role, over all pools. */
    static int nodes(List<JsonNode> pools, String role) {
        int nodes = 0;
        for (JsonNode pool : pools) {
            for (JsonNode each : pool.path("spec").path("roles")) {
                if (each.asText().equals(role)) {
                    nodes += pool.path("spec").path("replicas").asInt();
                }
            }
        }
        return nodes;
    }
}
