package org.convene.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Checks an object against the Kubernetes API's model of its kind (client-java, generated from the
 * API's OpenAPI document): an unknown field, a missing required one or a value of the wrong type is
 * refused, as a strict API server would. A kind without a model here is refused too, so that a new
 * kind is never let through unchecked.
 */
final class StrictSchema {

    /** A model's check of the fields; theirs declare IOException, which none throws for a parsed element. */
    private interface Fields {
        void validate(JsonElement json) throws IOException;
    }

    /** The fields' names are checked by the model's validation, their types by reading into the model. */
    private record Model(Fields fields, Class<?> type) {
    }

    private static final JSON TYPED = new JSON();

    private static final Map<String, Model> MODELS = Map.of(
            "apps/v1 Deployment", new Model(V1Deployment::validateJsonElement, V1Deployment.class),
            "v1 Service", new Model(V1Service::validateJsonElement, V1Service.class),
            "v1 ConfigMap", new Model(V1ConfigMap::validateJsonElement, V1ConfigMap.class),
            "policy/v1 PodDisruptionBudget",
            new Model(V1PodDisruptionBudget::validateJsonElement, V1PodDisruptionBudget.class),
            "autoscaling/v2 HorizontalPodAutoscaler",
            new Model(V2HorizontalPodAutoscaler::validateJsonElement, V2HorizontalPodAutoscaler.class),
            "networking.k8s.io/v1 Ingress", new Model(V1Ingress::validateJsonElement, V1Ingress.class),
            "networking.k8s.io/v1 NetworkPolicy",
            new Model(V1NetworkPolicy::validateJsonElement, V1NetworkPolicy.class));

    private StrictSchema() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    static void check(JsonNode object) {
        String kind = object.path("apiVersion").asText() + " " + Rendered.kind(object);
        Model model = MODELS.get(kind);
        if (model == null) {
            throw new IllegalArgumentException("no model to check " + kind + " against");
        }
        try {
            model.fields().validate(JsonParser.parseString(object.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A number given as a word, a list given as a string: gson refuses to read it into the model.
        TYPED.deserialize(object.toString(), model.type());
    }
}
