package org.convene.contracts.cloudevents;

/**
 * The headers a dead-letter carries besides the message's own: why it was set apart, where it was read
 * and by whom. Whoever reads {@code dead-letters} (an operator's replay, a test) reads these.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";

    private DeadLetterHeaders() {
    }
}
