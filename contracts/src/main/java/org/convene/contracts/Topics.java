package org.convene.contracts;

import java.time.Duration;
import java.util.List;

/** The Kafka topics of docs/architecture.md, the only thing the services share at run time, with their settings. */
public final class Topics {
    /** Key: event id. Value: the whole current event; compacted. */
    public static final String EVENTS = "events";
    /** Key: registration id. Value: a registration's new state. */
    public static final String REGISTRATIONS = "registrations";
    /** Key: event id. Value: an organiser's message to the registrants of one event. */
    public static final String MAILINGS = "mailings";
    /** Key: event id. Value: how the counts of the event's emails of one kind changed in one transaction. */
    public static final String DELIVERIES = "deliveries";
    /** Key: session id. Value: an organiser's session that ended before its time. */
    public static final String SESSIONS = "sessions";
    /**
     * Not in docs/architecture.md's table of topics, being no contract between services: where a consumer dead-letters a
     * message it cannot read, as it was, with the reason in headers (see {@code DeadLetters}).
     */
    public static final String DEAD_LETTERS = "dead-letters";

    /** How long time-based topics keep messages: long enough to rebuild a consumer after a holiday. */
    public static final Duration RETENTION = Duration.ofDays(14);

    /** Every topic as it must be created; partitions bound how many replicas consume in parallel. */
    public static final List<Topic> ALL = List.of(
            new Topic(EVENTS, 3, true),
            new Topic(REGISTRATIONS, 6, false),
            new Topic(MAILINGS, 3, false),
            new Topic(DELIVERIES, 6, false),
            new Topic(SESSIONS, 1, false),
            new Topic(DEAD_LETTERS, 1, false));

    public record Topic(String name, int partitions, boolean compacted) {
        public String cleanupPolicy() {
            return compacted ? "compact" : "delete";
        }
    }

    private Topics() {
    }
}
