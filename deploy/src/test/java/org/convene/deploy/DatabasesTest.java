package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * In each overlay, every service connects to the CloudNativePG cluster's read-write service, to a database of
 * its own that its own role owns, with the password that CloudNativePG gives that role.
 */
class DatabasesTest {

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void eachServiceHasItsOwnDatabaseAndRole(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.kind("Cluster")).hasSize(1);
        JsonNode cluster = rendered.kind("Cluster").getFirst();
        Set<String> databases = new HashSet<>();
        for (JsonNode deployment : rendered.services()) {
            var configuration = rendered.configuration(deployment);
            Endpoints endpoints = Endpoints.of(configuration);
            assertThat(endpoints.database().getScheme()).isEqualTo("postgresql");
            assertThat(endpoints.database().getHost()).isEqualTo(Rendered.name(cluster) + "-rw");
            assertThat(endpoints.database().getPort()).isEqualTo(5432);
            String user = configuration.get("QUARKUS_DATASOURCE_USERNAME");
            assertThat(databases.add(endpoints.databaseName())).as("a database of its own").isTrue();

            JsonNode database = rendered.kind("Database").stream()
                    .filter(d -> d.path("spec").path("name").asText().equals(endpoints.databaseName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + endpoints.databaseName()));
            assertThat(database.path("spec").path("cluster").path("name").asText()).isEqualTo(Rendered.name(cluster));
            assertThat(database.path("spec").path("owner").asText()).isEqualTo(user);

            JsonNode role = role(cluster, user);
            assertThat(role.path("login").asBoolean()).isTrue();
            assertThat(role.path("ensure").asText("present")).isEqualTo("present");
            assertThat(role.path("superuser").asBoolean(false)).isFalse();
            JsonNode password = passwordReference(deployment);
            assertThat(password.path("name").asText()).isEqualTo(role.path("passwordSecret").path("name").asText());
            assertThat(password.path("key").asText()).isEqualTo("password");
        }
    }

    /** What the operator and the superuser keep for themselves beyond the services' pools. */
    private static final int RESERVED_CONNECTIONS = 10;

    @ParameterizedTest
    @FieldSource("org.convene.deploy.Rendered#OVERLAYS")
    void everyPoolAtItsLargestInAsManyPodsAsMayRunFitsInPostgresql(Path overlay) {
        Rendered rendered = Rendered.of(overlay);
        int needed = 0;
        for (JsonNode deployment : rendered.services()) {
            String poolSize = rendered.configuration(deployment).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            assertThat(poolSize).as(Rendered.name(deployment) + " names its pool's size").isNotNull();
            needed += Integer.parseInt(poolSize) * mostPods(rendered, deployment);
        }
        JsonNode cluster = rendered.kind("Cluster").getFirst();
        int allowed = Integer.parseInt(cluster.path("spec").path("postgresql").path("parameters")
                .path("max_connections").asText("100"));
        assertThat(needed + RESERVED_CONNECTIONS).as("connections at the autoscalers' maxima")
                .isLessThanOrEqualTo(allowed);
    }

    private static int mostPods(Rendered rendered, JsonNode deployment) {
        return rendered.kind("HorizontalPodAutoscaler").stream()
                .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText()
                        .equals(Rendered.name(deployment)))
                .mapToInt(hpa -> hpa.path("spec").path("maxReplicas").asInt())
                .findFirst().orElse(deployment.path("spec").path("replicas").asInt(1));
    }

    private static JsonNode role(JsonNode cluster, String name) {
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            if (role.path("name").asText().equals(name)) {
                return role;
            }
        }
        throw new AssertionError("the Cluster manages no role " + name);
    }

    private static JsonNode passwordReference(JsonNode deployment) {
        for (JsonNode env : Rendered.container(deployment).path("env")) {
            if (env.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD")) {
                return env.path("valueFrom").path("secretKeyRef");
            }
        }
        throw new AssertionError(Rendered.name(deployment) + " has no database password");
    }
}
