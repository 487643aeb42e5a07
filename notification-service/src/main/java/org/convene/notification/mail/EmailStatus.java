package org.convene.notification.mail;

/** Where a scheduled email is: waiting (perhaps for a retry), sent, or given up on. */
public enum EmailStatus {
    PENDING,
    SENT,
    FAILED
}
