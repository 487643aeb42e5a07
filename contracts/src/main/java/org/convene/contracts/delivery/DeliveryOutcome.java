package org.convene.contracts.delivery;

public enum DeliveryOutcome {
    SENT,
    FAILED,
    BOUNCED
}
