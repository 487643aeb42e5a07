package org.convene.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Each of the three checks refuses a misspelt field, an unknown kind and a value of the wrong type. */
class MisspelledFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Rendered production = Rendered.of(Rendered.PRODUCTION);

    @Test
    void kubernetesObjects() {
        ObjectNode misspelled = copy("Deployment", "registration-service");
        ObjectNode podSpec = (ObjectNode) misspelled.path("spec").path("template").path("spec");
        podSpec.set("contianers", podSpec.remove("containers"));
        assertThatThrownBy(() -> Schemas.check(misspelled)).hasMessageContaining("contianers");

        ObjectNode deepInside = copy("NetworkPolicy", "events-service");
        ObjectNode rule = (ObjectNode) deepInside.path("spec").path("egress").get(0);
        rule.set("too", rule.remove("to"));
        assertThatThrownBy(() -> Schemas.check(deepInside)).hasMessageContaining("too");

        ObjectNode unknownKind = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Sevrice");
        assertThatThrownBy(() -> Schemas.check(unknownKind)).hasMessageContaining("Sevrice");

        ObjectNode wrongType = copy("Deployment", "events-service");
        ((ObjectNode) wrongType.path("spec")).put("replicas", "three");
        assertThatThrownBy(() -> Schemas.check(wrongType)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void strimziResources() {
        ObjectNode misspelled = copy("KafkaTopic", "registrations");
        ObjectNode spec = (ObjectNode) misspelled.path("spec");
        spec.set("partitons", spec.remove("partitions"));
        assertThatThrownBy(() -> Schemas.check(misspelled)).hasMessageContaining("partitons");

        ObjectNode deepInside = copy("Kafka", "convene");
        ObjectNode listener = (ObjectNode) deepInside.path("spec").path("kafka").path("listeners").get(0);
        listener.set("tsl", listener.remove("tls"));
        assertThatThrownBy(() -> Schemas.check(deepInside)).hasMessageContaining("tsl");

        ObjectNode unknownKind = copy("KafkaTopic", "events").put("kind", "KafkaTopik");
        assertThatThrownBy(() -> Schemas.check(unknownKind)).hasMessageContaining("KafkaTopik");

        ObjectNode wrongType = copy("KafkaNodePool", "brokers");
        ((ObjectNode) wrongType.path("spec")).put("replicas", "three");
        assertThatThrownBy(() -> Schemas.check(wrongType)).hasMessageContaining("three");
    }

    @Test
    void cloudNativePgResources() {
        ObjectNode misspelled = copy("Cluster", "convene-db");
        ObjectNode spec = (ObjectNode) misspelled.path("spec");
        spec.set("instaces", spec.remove("instances"));
        assertThatThrownBy(() -> Schemas.check(misspelled)).hasMessageContaining("instaces");

        ObjectNode deepInside = copy("Cluster", "convene-db");
        ObjectNode role = (ObjectNode) ((ArrayNode) deepInside.path("spec").path("managed").path("roles")).get(0);
        role.set("passwordSecrets", role.remove("passwordSecret"));
        assertThatThrownBy(() -> Schemas.check(deepInside)).hasMessageContaining("passwordSecrets");

        ObjectNode unknownKind = copy("Database", "convene-db-events").put("kind", "Databse");
        assertThatThrownBy(() -> Schemas.check(unknownKind)).hasMessageContaining("Databse");

        ObjectNode wrongType = copy("Cluster", "convene-db");
        ((ObjectNode) wrongType.path("spec")).put("instances", "three");
        assertThatThrownBy(() -> Schemas.check(wrongType)).hasMessageContaining("instances");
    }

    private ObjectNode copy(String kind, String name) {
        return production.get(kind, name).deepCopy();
    }
}
