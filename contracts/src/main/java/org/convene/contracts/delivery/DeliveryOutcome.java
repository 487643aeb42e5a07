package org.convene.contracts.delivery;

public enum DeliveryOutcome {
    SENT,
    /** Given up on after a permanent failure or the last attempt. */
    FAILED,
    /** The receiving server refused the address for good. */
    BOUNCED,
    /** Not sent on purpose: a reminder that could no longer go out before the event started. */
    DROPPED,
    /** Not sent on purpose: the registrant unsubscribed, or the address bounced before. */
    SUPPRESSED
}
