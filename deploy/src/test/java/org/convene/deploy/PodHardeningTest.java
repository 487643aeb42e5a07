package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * In each overlay, every container has requests and limits and runs locked down as base sets it, and each
 * service is probed on its own health endpoints.
 */
class PodHardeningTest {

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void everyContainerIsSizedAndLockedDown(Path overlay) {
        for (JsonNode deployment : Rendered.of(overlay).kind("Deployment")) {
            JsonNode pod = Rendered.podSpec(deployment);
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            JsonNode podSecurity = pod.path("securityContext");
            assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as("%s", Rendered.name(deployment)).isTrue();
            assertThat(podSecurity.path("runAsUser").asInt()).isPositive();
            assertThat(podSecurity.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            for (JsonNode container : pod.path("containers")) {
                String name = container.path("name").asText();
                for (String bound : new String[] { "requests", "limits" }) {
                    JsonNode resources = container.path("resources").path(bound);
                    assertThat(resources.has("cpu") && resources.has("memory")).as("%s has %s", name, bound).isTrue();
                }
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
                assertThat(security.path("capabilities").path("drop").toString()).as(name).isEqualTo("[\"ALL\"]");
                assertThat(container.has("livenessProbe") && container.has("readinessProbe")).as(name).isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void eachServiceIsProbedOnItsHealthAndRunsAsBaseSays(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.services()).hasSize(Rendered.SERVICES.size());
        for (JsonNode deployment : rendered.services()) {
            JsonNode container = Rendered.container(deployment);
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/q/health/started");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/q/health/ready");
            assertThat(Rendered.podSpec(deployment).path("securityContext").path("runAsUser").asInt()).isEqualTo(185);
            assertThat(container.path("image").asText()).isEqualTo("convene/" + Rendered.name(deployment) + ":0.1.0");
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
            assertThat(rendered.configuration(deployment)).containsEntry("QUARKUS_HTTP_PORT", "8080");
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
        }
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void aStoppingPodLeavesTheEndpointsThenDrainsBeforeItIsKilled(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (JsonNode deployment : rendered.services()) {
            var configuration = rendered.configuration(deployment);
            Duration delay = Duration.parse("PT" + configuration.get("QUARKUS_SHUTDOWN_DELAY"));
            Duration drain = Duration.parse("PT" + configuration.get("QUARKUS_SHUTDOWN_TIMEOUT"));
            Duration grace = Duration.ofSeconds(Rendered.podSpec(deployment).path("terminationGracePeriodSeconds")
                    .asLong(30));
            // A stopping pod leaves the endpoints at once, but the Ingress and kube-proxy learn of it seconds later;
            // a readiness period is the least time to wait before the server stops taking requests.
            long probePeriod = Rendered.container(deployment).path("readinessProbe").path("periodSeconds").asLong(10);
            assertThat(delay).as(Rendered.name(deployment)).isGreaterThanOrEqualTo(Duration.ofSeconds(probePeriod));
            assertThat(delay.plus(drain)).as(Rendered.name(deployment)).isLessThan(grace);
        }
    }
}
