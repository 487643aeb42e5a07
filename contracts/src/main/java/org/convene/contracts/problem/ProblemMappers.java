package org.convene.contracts.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Answers every API error as {@code application/problem+json}, naming the field and the reason. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return respond(new ProblemException(ProblemType.INVALID_INPUT, detail, errors).problem());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        // A value the records refuse while being read (a person without a name): invalid, not unreadable.
        if (e instanceof ValueInstantiationException refused && refused.getCause() instanceof IllegalArgumentException reason) {
            String field = refused.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return respond(new ProblemException(ProblemType.INVALID_INPUT, field + ": " + reason.getMessage(),
                    List.of(new Problem.FieldError(field, reason.getMessage()))).problem());
        }
        return respond(new ProblemException(ProblemType.MALFORMED_REQUEST,
                "The body is not valid JSON for this request: " + e.getOriginalMessage()).problem());
    }

    /** The JSON reader reports a body it cannot read as a bare 400; every other answer stays as it is. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        return e.getResponse();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The field as the client wrote it: {@code create.request.email} names {@code email}, a list
     * element {@code languages[0]}, a nested field {@code speakers[2].name}.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
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
