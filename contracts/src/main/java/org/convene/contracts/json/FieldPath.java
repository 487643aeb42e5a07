package org.convene.contracts.json;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Where in a JSON document Jackson failed, written as a client writes it: {@code speakers[1].name}. */
public final class FieldPath {

    private FieldPath() {
    }

    /** Empty when the failure is at the document itself. */
    public static String of(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }
}
