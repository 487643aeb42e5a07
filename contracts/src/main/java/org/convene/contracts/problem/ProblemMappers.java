package org.convene.contracts.problem;

import java.util.List;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Answers every API error as {@code application/problem+json}, naming the field and the reason. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before it tries again after a 503: a burst or a restart's length. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = FieldErrors.of(e.getConstraintViolations());
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return new ProblemException(ProblemType.INVALID_INPUT, detail, errors).response();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        // A value the records refuse while being read (a person without a name): invalid, not unreadable.
        if (e instanceof ValueInstantiationException refused && refused.getCause() instanceof IllegalArgumentException reason) {
            String field = refused.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + reason.getMessage(),
                    List.of(new Problem.FieldError(field, reason.getMessage()))).response();
        }
        return new ProblemException(ProblemType.MALFORMED_REQUEST,
                "The body is not valid JSON for this request: " + e.getOriginalMessage()).response();
    }

    /**
     * JSON of the wrong shape (an array for an object, an object for a text): Quarkus has a mapper of
     * its own for exactly this type, with an empty body, so this one must name it to take its place.
     */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return unreadable(e);
    }

    /**
     * The database out of reach answers 503 with {@code Retry-After}: the request's transaction never
     * began or was rolled back, so nothing is half-written, and the same request may simply be sent
     * again. A person at a page gets a page that says so, not a problem document. Any other database failure is a 500, logged here with its cause, since the answer names none.
     */
    @ServerExceptionMapper
    public Response database(PersistenceException e, HttpHeaders headers, UriInfo uri) {
        if (DatabaseAway.causedBy(e)) {
            LOG.warnf("Answered 503: the database is out of reach (%s)", FailureText.withoutValues(e));
            if (UnavailablePage.wantedBy(uri.getPath(), headers)) {
                return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_HTML_TYPE)
                        .entity(UnavailablePage.HTML).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
            }
            return Response.fromResponse(new ProblemException(ProblemType.UNAVAILABLE,
                    "The database is out of reach for a moment: try again in " + RETRY_AFTER_SECONDS + " s")
                    .response()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf("Answered 500: a database operation failed (%s)", FailureText.withoutValues(e));
        return new ProblemException(ProblemType.INTERNAL_ERROR,
                "The request could not be completed; it was logged for the operators").response();
    }

    /** The JSON reader reports a body it cannot read as a bare 400; every other answer stays as it is. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        if (e instanceof NotSupportedException) {
            return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This endpoint reads another Content-Type; see its OpenAPI description").response();
        }
        return e.getResponse();
    }
}
