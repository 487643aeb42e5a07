package org.convene.contracts.delivery;

import java.util.UUID;

/**
 * A message on {@code deliveries}: how an event's email counts changed. notification-service writes
 * {@link EmailsCounted}; {@link DeliveryRecorded} (one email's outcome) and {@link EmailsScheduled} (a change
 * in how many are promised) are what it wrote before, still read so that messages already on the topic
 * when a deployment upgrades are counted; the release after next stops reading them. Sealed,
 * so that a consumer's switch over it is checked by the compiler when a kind is added.
 */
public sealed interface DeliveryMessage permits EmailsCounted, DeliveryRecorded, EmailsScheduled {

    UUID eventId();

    EmailKind kind();
}
