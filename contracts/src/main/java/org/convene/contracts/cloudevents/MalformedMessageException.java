package org.convene.contracts.cloudevents;

/** A message that cannot be read as the type its topic carries: it must not stop a consumer. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
