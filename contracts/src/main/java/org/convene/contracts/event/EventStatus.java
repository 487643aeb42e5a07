package org.convene.contracts.event;

/** Where an event is in its life. Drafts never leave events-service. */
public enum EventStatus {
    PUBLISHED,
    RESCHEDULED,
    COMPLETED,
    CANCELLED
}
