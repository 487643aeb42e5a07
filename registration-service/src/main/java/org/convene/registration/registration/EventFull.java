package org.convene.registration.registration;

import org.convene.platform.domain.DomainException;

/** Every place taken, and no waitlist to join. */
public class EventFull extends DomainException {

    public EventFull(int capacity) {
        super("All " + capacity + " places for this event are taken, and it has no waitlist.");
    }
}
