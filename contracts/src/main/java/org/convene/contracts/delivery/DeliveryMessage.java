package org.convene.contracts.delivery;

import java.util.UUID;

/**
 * A message on {@code deliveries}: an email's outcome, or a change in how many are promised. Sealed,
 * so that a consumer's switch over it is checked by the compiler when a kind is added.
 */
public sealed interface DeliveryMessage permits DeliveryRecorded, EmailsScheduled {

    UUID eventId();

    EmailKind kind();
}
