package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * In each overlay, every selector finds the pods it is meant for and every name refers to an object that is
 * rendered, or to a Secret the operator creates.
 */
class SelectorsAndReferencesTest {

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void selectorsFindPods(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<JsonNode> pods = new java.util.ArrayList<>(rendered.kind("Deployment").stream().map(Rendered::podLabels)
                .toList());
        // CloudNativePG makes a cluster's pods itself, each labelled with the cluster's name.
        for (JsonNode cluster : rendered.kind("Cluster")) {
            pods.add(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("cnpg.io/cluster", Rendered.name(cluster)));
        }
        for (JsonNode deployment : rendered.kind("Deployment")) {
            assertThat(Rendered.selects(deployment.path("spec").path("selector").path("matchLabels"),
                    Rendered.podLabels(deployment))).as("%s selects its own pods", Rendered.name(deployment))
                    .isTrue();
        }
        for (JsonNode service : rendered.kind("Service")) {
            assertThat(pods).as("Service %s selects pods", Rendered.name(service))
                    .anyMatch(labels -> Rendered.selects(service.path("spec").path("selector"), labels));
        }
        for (String kind : List.of("PodDisruptionBudget", "NetworkPolicy")) {
            for (JsonNode object : rendered.kind(kind)) {
                JsonNode selector = kind.equals("NetworkPolicy") ? object.path("spec").path("podSelector")
                        : object.path("spec").path("selector");
                assertThat(selector.properties()).as("%s %s uses matchLabels only", kind, Rendered.name(object))
                        .allMatch(entry -> entry.getKey().equals("matchLabels"));
                assertThat(pods).as("%s %s selects pods", kind, Rendered.name(object))
                        .anyMatch(labels -> Rendered.selects(selector.path("matchLabels"), labels));
            }
        }
        for (JsonNode hpa : rendered.kind("HorizontalPodAutoscaler")) {
            assertThat(rendered.names("Deployment")).contains(hpa.path("spec").path("scaleTargetRef").path("name")
                    .asText());
        }
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void referencesNameRenderedObjectsOrOperatorSecrets(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (JsonNode deployment : rendered.kind("Deployment")) {
            for (JsonNode container : Rendered.podSpec(deployment).path("containers")) {
                for (JsonNode source : container.path("envFrom")) {
                    assertThat(rendered.names("ConfigMap")).contains(source.path("configMapRef").path("name").asText());
                }
            }
        }
        assertThat(OperatorSecrets.ALL.keySet()).containsAll(SecretReferences.of(rendered).keySet());
        for (JsonNode ingress : rendered.kind("Ingress")) {
            for (JsonNode backend : ingress.findValues("backend")) {
                JsonNode service = rendered.get("Service", backend.path("service").path("name").asText());
                String port = backend.path("service").path("port").path("name").asText();
                assertThat(service.path("spec").path("ports").findValuesAsText("name")).contains(port);
            }
        }
        for (JsonNode service : rendered.kind("Service")) {
            List<JsonNode> selected = rendered.kind("Deployment").stream()
                    .filter(d -> Rendered.selects(service.path("spec").path("selector"), Rendered.podLabels(d)))
                    .map(JsonNode.class::cast).toList();
            for (JsonNode port : service.path("spec").path("ports")) {
                String target = port.path("targetPort").asText();
                assertThat(selected).as("the pods of Service %s name port %s", Rendered.name(service), target)
                        .isNotEmpty().allMatch(d -> portNames(d).contains(target));
            }
        }
    }

    private static List<String> portNames(JsonNode deployment) {
        return Rendered.podSpec(deployment).path("containers").findValues("ports").stream()
                .flatMap(ports -> ports.findValuesAsText("name").stream()).toList();
    }
}
