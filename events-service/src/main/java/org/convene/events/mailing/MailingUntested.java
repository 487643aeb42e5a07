package org.convene.events.mailing;

import org.convene.platform.domain.DomainException;

/** A send of a text the organiser has not yet had as a test in their own inbox. */
public class MailingUntested extends DomainException {

    public MailingUntested() {
        super("Test it first: send yourself a test of this text, then send it to the registrants");
    }
}
