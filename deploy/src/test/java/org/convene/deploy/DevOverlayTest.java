package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** overlays/dev: one of everything, and Mailpit instead of an SMTP relay. */
class DevOverlayTest {

    private final Rendered dev = Rendered.of(Rendered.DEV);

    @Test
    void oneReplicaOfEachServiceAndNoAutoscaling() {
        assertThat(dev.services()).allSatisfy(d -> assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(1));
        assertThat(dev.kind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void oneKafkaNodeInBothRolesAndOnePostgresqlInstance() {
        List<JsonNode> pools = dev.kind("KafkaNodePool").stream().map(JsonNode.class::cast).toList();
        assertThat(pools).hasSize(1);
        assertThat(KafkaClusterTest.nodes(pools, "broker")).isEqualTo(1);
        assertThat(KafkaClusterTest.nodes(pools, "controller")).isEqualTo(1);
        assertThat(dev.get("Cluster", "convene-db").path("spec").path("instances").asInt()).isEqualTo(1);
    }

    @Test
    void notificationServiceSendsToMailpitAndNothingIsTraced() {
        JsonNode notification = dev.get("Deployment", "notification-service");
        Map<String, String> configuration = dev.configuration(notification);
        JsonNode mailpit = dev.get("Service", configuration.get("QUARKUS_MAILER_HOST"));
        assertThat(mailpit.path("spec").path("ports").findValuesAsText("port"))
                .contains(configuration.get("QUARKUS_MAILER_PORT"));
        assertThat(configuration).containsEntry("QUARKUS_MAILER_START_TLS", "DISABLED");
        for (JsonNode deployment : dev.services()) {
            assertThat(dev.configuration(deployment)).containsEntry("QUARKUS_OTEL_SDK_DISABLED", "true");
        }
    }
}
