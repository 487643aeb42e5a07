package org.convene.events.mailing;

import java.util.UUID;

import org.convene.platform.domain.DomainException;

/** A mailing that does not exist under the event it was asked for. */
public class NoSuchMailing extends DomainException {

    public NoSuchMailing(UUID eventId, UUID mailingId) {
        super("No mailing " + mailingId + " for event " + eventId);
    }
}
