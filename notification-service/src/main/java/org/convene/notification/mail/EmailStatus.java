package org.convene.notification.mail;

/** Where a scheduled email is: waiting (perhaps for a retry), sent, given up on, or not sent on purpose. */
public enum EmailStatus {
    PENDING,
    SENT,
    FAILED,
    /** A reminder that could no longer go out before the event started. */
    DROPPED
}
