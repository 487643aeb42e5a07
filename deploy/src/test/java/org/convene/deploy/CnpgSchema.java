package org.convene.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks a CloudNativePG custom resource against the openAPIV3Schema of CloudNativePG's own CRD (copied with
 * its source in src/test/resources/cloudnative-pg). Unlike the API server, which prunes unknown fields quietly,
 * an object schema that lists its properties is closed here: a misspelt field is an error, not a no-op.
 */
final class CnpgSchema {

    static final String API_VERSION = "postgresql.cnpg.io/v1";

    private static final Map<String, JsonSchema> SCHEMAS = Map.of(
            "Cluster", load("postgresql.cnpg.io_clusters.yaml"),
            "Database", load("postgresql.cnpg.io_databases.yaml"));

    private CnpgSchema() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    static void check(JsonNode object) {
        JsonSchema schema = SCHEMAS.get(Rendered.kind(object));
        if (schema == null || !API_VERSION.equals(object.path("apiVersion").asText())) {
            throw new IllegalArgumentException("no CloudNativePG schema to check "
                    + object.path("apiVersion").asText() + " " + Rendered.kind(object) + " against");
        }
        Set<ValidationMessage> errors = schema.validate(object);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(Rendered.kind(object) + " " + Rendered.name(object) + ": "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }

    private static JsonSchema load(String crd) {
        try (InputStream in = CnpgSchema.class.getResourceAsStream("/cloudnative-pg/" + crd)) {
            JsonNode definition = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (JsonNode version : definition.path("spec").path("versions")) {
                if (API_VERSION.endsWith("/" + version.path("name").asText())) {
                    ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    close(schema);
                    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
                }
            }
            throw new IllegalStateException(crd + " has no version " + API_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes every object schema that lists its properties and does not ask to keep unknown fields, and drops
     * Kubernetes' own keywords (x-kubernetes-*), which a JSON Schema validator does not know.
     */
    private static void close(ObjectNode schema) {
        boolean keepsUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        schema.properties().removeIf(keyword -> keyword.getKey().startsWith("x-kubernetes-"));
        if (schema.has("properties") && !keepsUnknown && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        schema.path("properties").forEach(CnpgSchema::closeAny);
        closeAny(schema.get("items"));
        closeAny(schema.get("additionalProperties"));
        for (String combination : new String[] { "allOf", "anyOf", "oneOf" }) {
            schema.path(combination).forEach(CnpgSchema::closeAny);
        }
    }

    private static void closeAny(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            close(object);
        }
    }
}
