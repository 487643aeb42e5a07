package org.convene.notification.mail;

/** Where a scheduled email is. */
public enum EmailStatus {
    /** Waiting for its time, perhaps for a retry. */
    PENDING,
    /** Claimed by a dispatcher until {@code claimedUntil}: being sent now. */
    SENDING,
    SENT,
    /** Given up on: a permanent failure, or every attempt failed. */
    FAILED,
    /** The server refused the address for good; the address gets nothing more. */
    BOUNCED,
    /**
     * Not sent on purpose: a reminder that could no longer go out before the event started, or an email
     * that no longer fits the event (a confirmation of an event cancelled meanwhile), sent as the one that fits.
     */
    DROPPED,
    /** Not sent on purpose: the address or the registrant asked for no more of this kind. */
    SUPPRESSED
}
