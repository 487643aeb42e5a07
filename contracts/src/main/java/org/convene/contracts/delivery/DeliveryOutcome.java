package org.convene.contracts.delivery;

public enum DeliveryOutcome {
    SENT,
    FAILED,
    BOUNCED,
    /** Not sent on purpose: a reminder that could no longer go out before the event started. */
    DROPPED
}
