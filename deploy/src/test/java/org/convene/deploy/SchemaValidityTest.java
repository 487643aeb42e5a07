package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every kustomization renders, and every object it renders is valid for whoever defines its kind. */
class SchemaValidityTest {

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#ALL")
    void everyRenderedObjectIsValid(Path kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        assertThat(rendered.objects()).isNotEmpty();
        for (var object : rendered.objects()) {
            assertThatCode(() -> Schemas.check(object)).as("%s %s in %s", Rendered.kind(object),
                    Rendered.name(object), kustomization).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void eachOverlayHasTheServicesKafkaAndPostgresql(Path overlay) {
        Set<String> groups = Rendered.of(overlay).objects().stream().map(Rendered::group).collect(Collectors.toSet());
        assertThat(groups).contains("apps", "kafka.strimzi.io", "postgresql.cnpg.io", "networking.k8s.io");
    }
}
