package org.convene.contracts.delivery;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * How many emails of one kind notification-service has newly promised to an event's registrants
 * ({@code change} positive), or taken back before sending them (negative: reminders of an event that
 * moved or was called off, emails to someone who cancelled). Keyed by {@code eventId} on
 * {@code deliveries}; with the {@link DeliveryRecorded} outcomes it tells how many are still pending,
 * and it holds no personal data.
 */
public record EmailsScheduled(UUID eventId, EmailKind kind, int change, Instant occurredAt)
        implements DeliveryMessage {

    public EmailsScheduled {
        Messages.require(eventId, "eventId");
        Messages.require(kind, "kind");
        Messages.require(occurredAt, "occurredAt");
    }
}
