package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** overlays/production: everything at least three times, on different nodes, with persistent storage. */
class ProductionOverlayTest {

    private final Rendered production = Rendered.of(Rendered.PRODUCTION);

    @Test
    void threeReplicasOfEachServiceSpreadOverNodesAndNeverFewer() {
        for (JsonNode deployment : production.services()) {
            String name = Rendered.name(deployment);
            assertThat(deployment.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            JsonNode hpa = production.get("HorizontalPodAutoscaler", name);
            assertThat(hpa.path("spec").path("minReplicas").asInt()).as(name).isEqualTo(3);
            assertThat(hpa.path("spec").path("maxReplicas").asInt()).as(name).isGreaterThanOrEqualTo(3);
            JsonNode spread = Rendered.podSpec(deployment).path("topologySpreadConstraints");
            assertThat(spread).as(name).anySatisfy(constraint -> {
                assertThat(constraint.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
                assertThat(constraint.path("maxSkew").asInt()).isEqualTo(1);
                assertThat(Rendered.selects(constraint.path("labelSelector").path("matchLabels"),
                        Rendered.podLabels(deployment))).isTrue();
            });
            // The services keep traces off unless told otherwise: production sends them to its collector.
            assertThat(production.configuration(deployment)).containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false");
        }
    }

    @Test
    void threeKafkaControllersAndThreeBrokersOnPersistentVolumes() {
        List<JsonNode> pools = production.kind("KafkaNodePool").stream().map(JsonNode.class::cast).toList();
        assertThat(KafkaClusterTest.nodes(pools, "controller")).isEqualTo(3);
        assertThat(KafkaClusterTest.nodes(pools, "broker")).isEqualTo(3);
        assertThat(pools).allSatisfy(pool -> {
            assertThat(pool.path("spec").path("roles")).as("dedicated roles").hasSize(1);
            assertThat(pool.path("spec").path("storage").findValuesAsText("type")).containsOnly("jbod",
                    "persistent-claim");
        });
        JsonNode config = production.get("Kafka", "convene").path("spec").path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
    }

    @Test
    void threePostgresqlInstancesOnDifferentNodesWithMoreStorage() {
        JsonNode spec = production.get("Cluster", "convene-db").path("spec");
        assertThat(spec.path("instances").asInt()).isEqualTo(3);
        assertThat(spec.path("affinity").path("podAntiAffinityType").asText()).isEqualTo("required");
        assertThat(spec.path("affinity").path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        JsonNode infra = Rendered.of(Rendered.INFRA).get("Cluster", "convene-db").path("spec");
        assertThat(gibibytes(spec.path("storage").path("size").asText()))
                .isGreaterThan(gibibytes(infra.path("storage").path("size").asText()));
    }

    private static int gibibytes(String quantity) {
        assertThat(quantity).endsWith("Gi");
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
}
