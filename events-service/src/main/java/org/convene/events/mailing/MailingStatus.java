package org.convene.events.mailing;

/** A mailing is written and tested as a draft; once sent it is kept as it went out. */
public enum MailingStatus {
    DRAFT,
    SENT
}
