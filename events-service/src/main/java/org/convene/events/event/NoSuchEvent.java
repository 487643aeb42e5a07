package org.convene.events.event;

import java.util.UUID;

import org.convene.platform.domain.DomainException;

/** An event that does not exist, or no longer does: a deleted draft. */
public class NoSuchEvent extends DomainException {

    public NoSuchEvent(UUID id) {
        super("No event " + id);
    }
}
