package org.convene.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** Each rendered object against the schema of whoever defines its kind: Kubernetes, Strimzi or CloudNativePG. */
final class Schemas {

    private Schemas() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    static void check(JsonNode object) {
        switch (Rendered.group(object)) {
            case "kafka.strimzi.io" -> StrimziModels.check(object);
            case "postgresql.cnpg.io" -> CnpgSchema.check(object);
            default -> StrictSchema.check(object);
        }
    }
}
