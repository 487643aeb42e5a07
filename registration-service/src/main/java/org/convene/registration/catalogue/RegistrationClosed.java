package org.convene.registration.catalogue;

import org.convene.platform.domain.DomainException;

/** A registration, or a change to one, after registration closed: the event was called off or has ended. */
public class RegistrationClosed extends DomainException {

    private final CatalogueEvent.Closure why;

    public RegistrationClosed(CatalogueEvent.Closure why) {
        this(why, why.detail());
    }

    public RegistrationClosed(CatalogueEvent.Closure why, String detail) {
        super(detail);
        this.why = why;
    }

    public CatalogueEvent.Closure why() {
        return why;
    }
}
