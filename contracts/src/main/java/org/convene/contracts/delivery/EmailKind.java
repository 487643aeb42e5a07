package org.convene.contracts.delivery;

/** The emails notification-service sends; each has its templates and its idempotency key. */
public enum EmailKind {
    /** Registered: the event, how to join, a calendar file, the cancel link. */
    CONFIRMATION,
    /** The event was full: on the waitlist, with the cancel link. */
    WAITLISTED,
    /** A place came free: registered after all, as a confirmation says. */
    PROMOTED,
    /** Before the start, on the event's schedule, with the joining link. */
    REMINDER,
    /** The event moved: the new time, the organiser's reason, an updated calendar file. */
    RESCHEDULED,
    /** The event was called off: the organiser's message and a calendar cancellation. */
    EVENT_CANCELLED,
    /** After the event: the recording and the report-back. */
    FOLLOW_UP,
    /** An organiser's own message to the registrants (or its test to the organiser). */
    ORGANISER_MESSAGE
}
