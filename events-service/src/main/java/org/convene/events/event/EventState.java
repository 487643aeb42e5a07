package org.convene.events.event;

import org.convene.contracts.event.EventStatus;

/** Where an event is in its life; a draft is this service's alone and is never published. */
public enum EventState {
    DRAFT,
    PUBLISHED,
    RESCHEDULED,
    COMPLETED,
    CANCELLED;

    EventStatus published() {
        if (this == DRAFT) {
            throw new IllegalStateException("a draft has no public status");
        }
        return EventStatus.valueOf(name());
    }
}
