package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code kubernetes/base} as rendered: valid for the API, and what an operator relies on beyond that. */
class BaseManifestsTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static final Set<String> SERVICES = Set.of("events-service", "registration-service",
            "notification-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ObjectNode> objects;

    @BeforeAll
    static void render() throws Exception {
        objects = Rendered.render(BASE);
    }

    @Test
    void everyObjectIsValidForTheKubernetesApi() {
        assertThat(objects).hasSize(15);
        for (ObjectNode object : objects) {
            StrictSchema.check(object);
        }
    }

    @Test
    void aMisspelledOrMistypedFieldIsRefused() {
        ObjectNode misspelled = deployment("registration-service").deepCopy();
        ObjectNode podSpec = (ObjectNode) misspelled.path("spec").path("template").path("spec");
        podSpec.set("contianers", podSpec.remove("containers"));
        assertThatThrownBy(() -> StrictSchema.check(misspelled)).hasMessageContaining("contianers");

        ObjectNode unknownKind = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Sevrice");
        assertThatThrownBy(() -> StrictSchema.check(unknownKind)).hasMessageContaining("Sevrice");

        ObjectNode wrongType = deployment("events-service").deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "three");
        assertThatThrownBy(() -> StrictSchema.check(wrongType)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void eachServiceHasItsDeploymentServiceConfigDisruptionBudgetAndAutoscaler() {
        Map<String, Set<String>> names = objects.stream().collect(Collectors.groupingBy(Rendered::kind,
                Collectors.mapping(Rendered::name, Collectors.toSet())));
        assertThat(names.get("Deployment")).isEqualTo(SERVICES);
        assertThat(names.get("Service")).isEqualTo(SERVICES);
        assertThat(names.get("PodDisruptionBudget")).isEqualTo(SERVICES);
        assertThat(names.get("HorizontalPodAutoscaler")).isEqualTo(SERVICES);
        assertThat(names.get("ConfigMap")).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().map(s -> s + "-config").toList());
    }

    @Test
    void selectorsFindTheirPodsAndReferencesTheirObjects() {
        for (JsonNode deployment : kind("Deployment")) {
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(matches(deployment.path("spec").path("selector").path("matchLabels"), labels))
                    .as("%s selects its own pods", Rendered.name(deployment)).isTrue();
        }
        for (String kind : List.of("Service", "PodDisruptionBudget")) {
            for (JsonNode object : kind(kind)) {
                JsonNode selector = kind.equals("Service") ? object.path("spec").path("selector")
                        : object.path("spec").path("selector").path("matchLabels");
                assertThat(kind("Deployment")).as("%s %s selects pods", kind, Rendered.name(object)).anyMatch(
                        d -> matches(selector, d.path("spec").path("template").path("metadata").path("labels")));
            }
        }
        Set<String> deployments = names("Deployment");
        for (JsonNode hpa : kind("HorizontalPodAutoscaler")) {
            assertThat(deployments).contains(hpa.path("spec").path("scaleTargetRef").path("name").asText());
        }
        Set<String> configMaps = names("ConfigMap");
        for (JsonNode container : containers()) {
            for (JsonNode source : container.path("envFrom")) {
                assertThat(configMaps).contains(source.path("configMapRef").path("name").asText());
            }
            for (JsonNode env : container.path("env")) {
                JsonNode secret = env.path("valueFrom").path("secretKeyRef");
                // Secrets are made by the operator, one per service, never committed.
                assertThat(secret.path("name").asText()).isEqualTo(container.path("name").asText() + "-secrets");
            }
        }
        for (JsonNode service : kind("Service")) {
            for (JsonNode port : service.path("spec").path("ports")) {
                String target = port.path("targetPort").asText();
                assertThat(containers()).as("a container names port %s", target)
                        .anyMatch(c -> c.path("ports").findValuesAsText("name").contains(target));
            }
        }
    }

    @Test
    void everyContainerIsProbedOnItsHealthLimitedAndLockedDown() {
        for (JsonNode deployment : kind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            for (JsonNode container : pod.path("containers")) {
                assertThat(container.path("startupProbe").path("httpGet").path("path").asText())
                        .isEqualTo("/q/health/started");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                        .isEqualTo("/q/health/live");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                        .isEqualTo("/q/health/ready");
                JsonNode limits = container.path("resources").path("limits");
                assertThat(limits.has("cpu") && limits.has("memory")).as("%s has limits", container.path("name"))
                        .isTrue();
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(((ArrayNode) security.path("capabilities").path("drop")).get(0).asText()).isEqualTo("ALL");
            }
        }
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(Rendered.kind(o))).map(JsonNode.class::cast).toList();
    }

    private static Set<String> names(String kind) {
        return kind(kind).stream().map(Rendered::name).collect(Collectors.toSet());
    }

    private static ObjectNode deployment(String name) {
        return (ObjectNode) kind("Deployment").stream().filter(d -> name.equals(Rendered.name(d))).findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        kind("Deployment").forEach(d -> d.path("spec").path("template").path("spec").path("containers")
                .forEach(containers::add));
        return containers;
    }
}
