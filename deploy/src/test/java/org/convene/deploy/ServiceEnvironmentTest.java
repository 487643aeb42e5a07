package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each service gets every variable the run command gives it (local-stack's ConveneServices: what a service
 * needs to start), plus the JVM's and OpenTelemetry's settings.
 */
class ServiceEnvironmentTest {

    private static final Set<String> EVERY_SERVICE = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "CONVENE_PUBLIC_PAGES_URL", "JAVA_TOOL_OPTIONS", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");

    private static final Map<String, Set<String>> OWN = Map.of(
            "events-service", Set.of("SMALLRYE_JWT_SIGN_KEY", "MP_JWT_VERIFY_PUBLICKEY", "CONVENE_ORGANISER_EMAIL",
                    "CONVENE_ORGANISER_PASSWORD", "QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY"),
            "registration-service", Set.of("MP_JWT_VERIFY_PUBLICKEY", "CONVENE_LINKS_SECRET"),
            "notification-service", Set.of("CONVENE_LINKS_SECRET", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT",
                    "CONVENE_UNSUBSCRIBE_URL"));

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void eachServiceGetsWhatItNeedsToStart(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (JsonNode deployment : rendered.services()) {
            Map<String, String> configuration = rendered.configuration(deployment);
            Set<String> variables = new HashSet<>(configuration.keySet());
            Rendered.container(deployment).path("env").forEach(env -> variables.add(env.path("name").asText()));
            assertThat(variables).as(Rendered.name(deployment)).containsAll(EVERY_SERVICE)
                    .containsAll(OWN.get(Rendered.name(deployment))).doesNotContain("JAVA_OPTS_APPEND");
            assertThat(configuration.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
            assertThat(configuration.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"))
                    .isEqualTo("http://otel-collector.observability.svc:4317");
        }
    }

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void onlyTheSigningServiceHoldsTheSigningKey(Path overlay) {
        for (JsonNode deployment : Rendered.of(overlay).services()) {
            boolean signs = Rendered.container(deployment).path("env").findValuesAsText("name")
                    .contains("SMALLRYE_JWT_SIGN_KEY");
            assertThat(signs).as(Rendered.name(deployment))
                    .isEqualTo(Rendered.name(deployment).equals("events-service"));
        }
    }
}
