package org.convene.registration.registration;

import java.util.UUID;

import org.convene.platform.domain.DomainException;

/** A registration that does not exist, or no longer does: erased with its event's data. */
public class NoSuchRegistration extends DomainException {

    public NoSuchRegistration(UUID id) {
        super("No registration " + id);
    }
}
