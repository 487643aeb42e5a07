package org.convene.platform.problem;

/** Every error the APIs answer with, by name. The README lists them. */
public enum ProblemType {
    INVALID_INPUT(400, "The request has invalid fields"),
    MALFORMED_REQUEST(400, "The request body could not be read"),
    UNAUTHORIZED(401, "Sign in first"),
    UNSUPPORTED_MEDIA_TYPE(415, "The body is not of a type this endpoint reads"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "This resource does not take this method"),
    NOT_ACCEPTABLE(406, "The answer cannot be in a type the request accepts"),
    TOO_LARGE(413, "The request body is too large"),
    CONFLICT(409, "The resource is not in a state that allows this"),
    REGISTRATION_CLOSED(409, "Registration for this event is closed"),
    EVENT_FULL(409, "The event is full"),
    BOT_CHECK_FAILED(400, "The request did not pass the check against automated registrations"),
    TOO_MANY_REQUESTS(429, "Too many requests in a short time"),
    UNAVAILABLE(503, "The service cannot answer just now: try again shortly"),
    INTERNAL_ERROR(500, "Something went wrong on our side");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:convene:problem:" + name().toLowerCase().replace('_', '-');
    }
}
