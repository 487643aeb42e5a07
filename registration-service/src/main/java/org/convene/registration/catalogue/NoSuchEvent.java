package org.convene.registration.catalogue;

import java.util.UUID;

import org.convene.platform.domain.DomainException;

/** An event the catalogue does not hold: never published, or removed since. */
public class NoSuchEvent extends DomainException {

    public NoSuchEvent(UUID id) {
        super("No event " + id);
    }
}
