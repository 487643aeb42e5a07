package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * In each overlay, a service's pods accept traffic only from the Ingress controller and Prometheus, and reach
 * only DNS, the Kafka brokers, PostgreSQL, the OpenTelemetry collector and (notification-service) the SMTP relay,
 * on the ports their configuration names.
 */
class NetworkPoliciesTest {

    private static final Set<String> CALLERS = Set.of("ingress-nginx", "monitoring");
    private static final String NAMESPACE = "kubernetes.io/metadata.name";

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void everyServiceIsDeniedAllButWhatItNeeds(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (JsonNode deployment : rendered.services()) {
            List<JsonNode> policies = policiesOf(rendered, deployment);
            assertThat(policies).as("a policy denies %s everything", Rendered.name(deployment)).anyMatch(p ->
                    p.path("spec").path("policyTypes").toString().equals("[\"Ingress\",\"Egress\"]")
                            && !p.path("spec").has("ingress") && !p.path("spec").has("egress"));
            checkIngress(deployment, policies);
            checkEgress(rendered, deployment, policies);
        }
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void onlyTheServicesTheOperatorAndTheClustersOwnInstancesReachPostgresql(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        String cluster = Rendered.name(rendered.kind("Cluster").getFirst());
        List<JsonNode> policies = rendered.kind("NetworkPolicy").stream()
                .filter(p -> p.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText()
                        .equals(cluster)).map(JsonNode.class::cast).toList();
        assertThat(policies).as("a policy for %s's pods", cluster).hasSize(1);
        assertThat(policies.getFirst().path("spec").path("policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        Set<String> peers = new HashSet<>();
        for (JsonNode rule : rules(policies, "ingress")) {
            List<String> ports = rule.path("ports").findValuesAsText("port");
            for (JsonNode peer : rule.path("from")) {
                String who = peer.has("podSelector")
                        ? peer.path("podSelector").path("matchLabels").toString()
                        : "namespace " + peer.path("namespaceSelector").path("matchLabels").path(NAMESPACE).asText();
                peers.add(who + " " + ports);
            }
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode service : rendered.services()) {
            expected.add("{\"app.kubernetes.io/name\":\"" + Rendered.name(service) + "\"} [5432]");
        }
        expected.add("{\"cnpg.io/cluster\":\"" + cluster + "\"} [5432, 8000]");
        expected.add("namespace cnpg-system [8000]");
        expected.add("namespace monitoring [9187]");
        assertThat(peers).isEqualTo(expected);
    }

    private static void checkIngress(JsonNode deployment, List<JsonNode> policies) {
        Set<String> callers = new HashSet<>();
        for (JsonNode rule : rules(policies, "ingress")) {
            assertThat(rule.path("ports").findValuesAsText("port")).containsExactly("8080");
            for (JsonNode peer : rule.path("from")) {
                assertThat(peer.has("podSelector") || peer.has("ipBlock")).isFalse();
                callers.add(peer.path("namespaceSelector").path("matchLabels").path(NAMESPACE).asText());
            }
        }
        assertThat(callers).as("who may call %s", Rendered.name(deployment)).isEqualTo(CALLERS);
    }

    private static void checkEgress(Rendered rendered, JsonNode deployment, List<JsonNode> policies) {
        Endpoints endpoints = Endpoints.of(rendered.configuration(deployment));
        JsonNode kafka = rendered.kind("Kafka").getFirst();
        JsonNode database = rendered.kind("Cluster").getFirst();
        Set<String> reached = new HashSet<>();
        for (JsonNode rule : rules(policies, "egress")) {
            List<String> ports = rule.path("ports").findValuesAsText("port");
            JsonNode to = rule.path("to");
            String reaches;
            if (ports.equals(List.of("53", "53"))) {
                assertThat(namespaceOf(to)).isEqualTo("kube-system");
                reaches = "dns";
            } else if (selectorOf(to).path("strimzi.io/cluster").asText().equals(Rendered.name(kafka))) {
                assertThat(selectorOf(to).path("strimzi.io/broker-role").asText()).isEqualTo("true");
                assertThat(ports).containsExactly(String.valueOf(endpoints.kafka().getPort()));
                reaches = "kafka";
            } else if (selectorOf(to).path("cnpg.io/cluster").asText().equals(Rendered.name(database))) {
                assertThat(ports).containsExactly(String.valueOf(endpoints.database().getPort()));
                reaches = "postgresql";
            } else if (endpoints.collectorNamespace().equals(namespaceOf(to))) {
                assertThat(ports).containsExactly(String.valueOf(endpoints.collector().getPort()));
                reaches = "collector";
            } else {
                assertThat(endpoints.smtp()).as("%s may reach only what it needs, not %s", Rendered.name(deployment),
                        rule).isNotNull();
                assertThat(ports).containsExactly(String.valueOf(endpoints.smtp().getPort()));
                // An in-cluster relay is reached through its pods; one outside the cluster by its port alone.
                rendered.find("Service", endpoints.smtp().getHost()).ifPresentOrElse(
                        relay -> assertThat(selectorOf(to)).isEqualTo(relay.path("spec").path("selector")),
                        () -> assertThat(to.isMissingNode()).isTrue());
                reaches = "smtp";
            }
            reached.add(reaches);
            for (JsonNode service : rendered.services()) {
                assertThat(Rendered.selects(selectorOf(to), Rendered.podLabels(service))).as("no service calls another")
                        .isFalse();
            }
        }
        Set<String> needed = new HashSet<>(Set.of("dns", "kafka", "postgresql", "collector"));
        if (endpoints.smtp() != null) {
            needed.add("smtp");
        }
        assertThat(reached).as("what %s reaches", Rendered.name(deployment)).isEqualTo(needed);
    }

    private static List<JsonNode> policiesOf(Rendered rendered, JsonNode deployment) {
        return rendered.kind("NetworkPolicy").stream().filter(p -> Rendered.selects(
                p.path("spec").path("podSelector").path("matchLabels"), Rendered.podLabels(deployment)))
                .map(JsonNode.class::cast).toList();
    }

    private static List<JsonNode> rules(List<JsonNode> policies, String direction) {
        List<JsonNode> rules = new ArrayList<>();
        policies.forEach(p -> p.path("spec").path(direction).forEach(rules::add));
        return rules;
    }

    /** The pod labels a rule's single peer selects. */
    private static JsonNode selectorOf(JsonNode to) {
        assertThat(to.size()).as("one peer per egress rule: %s", to).isLessThanOrEqualTo(1);
        return to.path(0).path("podSelector").path("matchLabels");
    }

    private static String namespaceOf(JsonNode to) {
        return to.path(0).path("namespaceSelector").path("matchLabels").path(NAMESPACE).asText();
    }
}
