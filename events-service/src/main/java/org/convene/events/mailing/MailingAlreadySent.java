package org.convene.events.mailing;

import org.convene.platform.domain.DomainException;

/** A change to, or a second send of, a mailing that was sent: it is kept as it went out. */
public class MailingAlreadySent extends DomainException {

    public MailingAlreadySent(String detail) {
        super(detail);
    }
}
