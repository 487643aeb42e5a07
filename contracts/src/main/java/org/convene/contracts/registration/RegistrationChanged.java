package org.convene.contracts.registration;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

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

    public RegistrationChanged {
        Messages.require(registrationId, "registrationId");
        Messages.require(eventId, "eventId");
        Messages.require(state, "state");
        Messages.require(name, "name");
        Messages.require(email, "email");
        Messages.require(language, "language");
        Messages.require(occurredAt, "occurredAt");
    }
}
