package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** {@code kubernetes/base}: the objects each service needs, whatever the overlay. */
class BaseManifestsTest {

    private final Rendered base = Rendered.of(Rendered.BASE);

    @Test
    void eachServiceHasItsDeploymentServiceConfigDisruptionBudgetAutoscalerAndNetworkPolicy() {
        Map<String, Set<String>> names = base.objects().stream().collect(Collectors.groupingBy(Rendered::kind,
                Collectors.mapping(Rendered::name, Collectors.toSet())));
        assertThat(names.get("Deployment")).isEqualTo(Rendered.SERVICES);
        assertThat(names.get("Service")).isEqualTo(Rendered.SERVICES);
        assertThat(names.get("PodDisruptionBudget")).isEqualTo(Rendered.SERVICES);
        assertThat(names.get("HorizontalPodAutoscaler")).isEqualTo(Rendered.SERVICES);
        assertThat(names.get("ConfigMap")).containsExactlyInAnyOrderElementsOf(
                Rendered.SERVICES.stream().map(s -> s + "-config").toList());
        assertThat(names.get("NetworkPolicy")).containsAll(Rendered.SERVICES).contains("convene-default-deny");
        assertThat(names.get("Ingress")).containsExactly("convene");
    }

    @Test
    void everyObjectIsLabelledAsPartOfConvene() {
        assertThat(base.objects()).allSatisfy(object -> assertThat(
                object.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                .as("%s %s", Rendered.kind(object), Rendered.name(object)).isEqualTo("convene"));
    }
}
