package org.convene.events.event;

import org.convene.platform.domain.DomainException;

/** A change, or a message to registrants, that the event's state does not allow (yet, or any more). */
public class EventStateForbids extends DomainException {

    public EventStateForbids(String detail) {
        super(detail);
    }
}
