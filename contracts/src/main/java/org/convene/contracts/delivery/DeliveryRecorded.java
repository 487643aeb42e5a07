package org.convene.contracts.delivery;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * The outcome of one email, keyed by {@code registrationId} on {@code deliveries}. It holds no
 * personal data: events-service counts these and must not learn who registered.
 */
public record DeliveryRecorded(
        UUID registrationId,
        UUID eventId,
        EmailKind kind,
        DeliveryOutcome outcome,
        Instant occurredAt) implements DeliveryMessage {

    public DeliveryRecorded {
        Messages.require(registrationId, "registrationId");
        Messages.require(eventId, "eventId");
        Messages.require(kind, "kind");
        Messages.require(outcome, "outcome");
        Messages.require(occurredAt, "occurredAt");
    }
}
