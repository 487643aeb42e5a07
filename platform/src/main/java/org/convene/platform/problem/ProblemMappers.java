package org.convene.platform.problem;

import java.io.IOException;
import java.sql.SQLException;
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

import io.vertx.core.http.HttpServerRequest;
import org.convene.contracts.json.FieldPath;

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
            String field = FieldPath.of(refused);
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
            boolean busy = DatabaseAway.poolBusy(e);
            LOG.warnf("Answered 503: %s (%s)", busy ? "every pooled database connection was busy"
                    : "the database is out of reach", FailureText.withoutValues(e));
            if (UnavailablePage.wantedBy(uri.getPath(), headers)) {
                return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_HTML_TYPE)
                        .entity(UnavailablePage.HTML).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
            }
            return Response.fromResponse(new ProblemException(ProblemType.UNAVAILABLE,
                    (busy ? "Every connection to the database is busy: try again in "
                            : "The database is out of reach for a moment: try again in ") + RETRY_AFTER_SECONDS + " s")
                    .response()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        if (unstorableText(e)) {
            // A NUL character in a text: JSON and forms carry it, PostgreSQL's text cannot. The client's input,
            // refused before anything was written (the transaction rolls back).
            return new ProblemException(ProblemType.INVALID_INPUT,
                    "A text holds a character that cannot be stored (U+0000)").response();
        }
        LOG.errorf("Answered 500: a database operation failed (%s)", FailureText.withoutValues(e));
        return new ProblemException(ProblemType.INTERNAL_ERROR,
                "The request could not be completed; it was logged for the operators").response();
    }

    /** SQLSTATE 22021 (character_not_in_repertoire): a byte sequence, such as NUL, that text cannot hold. */
    private static boolean unstorableText(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request RESTEasy Reactive cannot read, such as a form body with a broken escape ({@code %zz}), a
     * Content-Type of {@code ;;} or a multipart body without its boundaries: it throws a bare
     * {@link IllegalArgumentException} or {@link IOException} for it, which would be a 500. Only one thrown by
     * its readers of the request is the client's fault; any other stays a 500 (a problem too), logged with
     * its stack.
     */
    @ServerExceptionMapper({ IllegalArgumentException.class, IOException.class })
    public Response unreadableRequest(Exception e) {
        StackTraceElement[] stack = e.getStackTrace();
        if (stack.length > 0 && REQUEST_READERS.stream().anyMatch(stack[0].getClassName()::startsWith)) {
            return new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The request could not be read: a form body, a query or a header is malformed").response();
        }
        LOG.error("Answered 500", e);
        return new ProblemException(ProblemType.INTERNAL_ERROR,
                "The request could not be completed; it was logged for the operators").response();
    }

    private static final List<String> REQUEST_READERS = List.of("org.jboss.resteasy.reactive.common.util.URLUtils",
            "org.jboss.resteasy.reactive.common.headers.", "org.jboss.resteasy.reactive.server.core.multipart.");

    /**
     * The JSON reader reports a body it cannot read as a bare 400; RESTEasy's own refusals of an API request
     * (an id that is no UUID: 404; a method the path does not take: 405; an Accept it cannot meet: 406; a body
     * over the limit: 413) have no body at all: each becomes a problem. Every other answer stays as it is.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        if (e instanceof NotSupportedException) {
            return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This endpoint reads another Content-Type; see its OpenAPI description").response();
        }
        Response response = e.getResponse();
        ProblemType type = switch (response.getStatus()) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.TOO_LARGE;
            default -> null;
        };
        // The pages answer with pages of their own; only the APIs promise problems. The path as sent (JAX-RS's
        // would be decoded, which fails on the broken escapes that may be why the request was refused).
        if (type == null || response.hasEntity() || !request.path().startsWith("/api/")) {
            return response;
        }
        Response.ResponseBuilder problem = Response.fromResponse(new ProblemException(type, type.title()).response());
        // 405 names the methods the path does take.
        if (response.getHeaderString(HttpHeaders.ALLOW) != null) {
            problem.header(HttpHeaders.ALLOW, response.getHeaderString(HttpHeaders.ALLOW));
        }
        return problem.build();
    }
}
