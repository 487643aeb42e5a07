package org.convene.contracts.delivery;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * How the counts of an event's emails of one kind changed in one of notification-service's
 * transactions: newly promised ({@code promised} positive) or taken back unsent (negative), and how
 * many came to each outcome. One message per event and kind for a whole batch of emails, not one per
 * email; keyed by {@code eventId} on {@code deliveries}. Only numbers: no personal data.
 */
public record EmailsCounted(
        UUID eventId,
        EmailKind kind,
        int promised,
        int sent,
        int failed,
        int bounced,
        int dropped,
        int suppressed,
        Instant occurredAt) implements DeliveryMessage {

    public EmailsCounted {
        Messages.require(eventId, "eventId");
        Messages.require(kind, "kind");
        Messages.require(occurredAt, "occurredAt");
        if (sent < 0 || failed < 0 || bounced < 0 || dropped < 0 || suppressed < 0) {
            throw new IllegalArgumentException("outcomes only add: none may be negative");
        }
    }

    /** How many came to {@code outcome}. */
    public int count(DeliveryOutcome outcome) {
        return switch (outcome) {
            case SENT -> sent;
            case FAILED -> failed;
            case BOUNCED -> bounced;
            case DROPPED -> dropped;
            case SUPPRESSED -> suppressed;
        };
    }
}
