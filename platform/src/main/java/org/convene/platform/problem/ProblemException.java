package org.convene.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Thrown by a resource to answer with a problem; {@link ProblemMappers} writes it. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    /** The answer as every API error is written: {@code application/problem+json}. */
    public Response response() {
        Problem problem = problem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem problem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), errors);
    }
}
