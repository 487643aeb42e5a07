package org.convene.platform.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Bean Validation's findings named as the client wrote the fields, for problem answers and for the
 * pages that show them beside their inputs alike.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** One error per violation, by field name. */
    public static List<Problem.FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return of(violations, ConstraintViolation::getMessage);
    }

    /** The same, with each message written by {@code message}: in another language, say. */
    public static List<Problem.FieldError> of(Collection<? extends ConstraintViolation<?>> violations,
            Function<ConstraintViolation<?>, String> message) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldName(v), message.apply(v)))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /**
     * The field as the client wrote it: {@code create.request.email} names {@code email}, a list
     * element {@code languages[0]}, a nested field {@code speakers[2].name}.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT) {
                continue; // the method and its parameter are not the client's words
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
