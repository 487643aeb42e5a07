package org.convene.deploy;

import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Checks a Strimzi custom resource by reading it into Strimzi's own model class (io.strimzi:api): a field the
 * model lacks or a value of the wrong type is refused.
 */
final class StrimziModels {

    /** The API version the model classes describe (Strimzi 1.x): an object of another version is refused. */
    static final String API_VERSION = "kafka.strimzi.io/v1";

    private static final Map<String, Class<?>> MODELS = Map.of(
            Kafka.RESOURCE_KIND, Kafka.class,
            KafkaNodePool.RESOURCE_KIND, KafkaNodePool.class,
            KafkaTopic.RESOURCE_KIND, KafkaTopic.class,
            KafkaUser.RESOURCE_KIND, KafkaUser.class);

    /**
     * Strimzi's models keep unknown fields in a map (@JsonAnySetter) so that nothing is lost on a round trip;
     * ignoring that annotation makes such a field an error, as FAIL_ON_UNKNOWN_PROPERTIES intends.
     */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated member) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private StrimziModels() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    static void check(JsonNode object) {
        Class<?> model = MODELS.get(Rendered.kind(object));
        if (model == null || !API_VERSION.equals(object.path("apiVersion").asText())) {
            throw new IllegalArgumentException("no Strimzi model to check " + object.path("apiVersion").asText()
                    + " " + Rendered.kind(object) + " against");
        }
        try {
            STRICT.treeToValue(object, model);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(Rendered.kind(object) + " " + Rendered.name(object) + ": "
                    + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        } catch (Exception e) {
            throw new IllegalArgumentException(Rendered.kind(object) + " " + Rendered.name(object) + ": " + e, e);
        }
    }
}
