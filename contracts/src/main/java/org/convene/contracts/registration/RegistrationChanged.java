package org.convene.contracts.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration's new state, keyed by {@code registrationId} on {@code registrations}. It carries
 * the registrant's name, address and language because notification-service needs them to write.
 */
public record RegistrationChanged(
        UUID registrationId,
        UUID eventId,
        RegistrationState state,
        String name,
        String email,
        String language,
        Instant occurredAt) {
}
