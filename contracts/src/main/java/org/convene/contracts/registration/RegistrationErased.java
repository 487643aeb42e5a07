package org.convene.contracts.registration;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * A registration whose person asked to be forgotten: every service drops what it holds of it. It
 * carries no personal data, unlike {@link RegistrationChanged}, so that the request itself leaves none
 * on the topic.
 */
public record RegistrationErased(UUID registrationId, UUID eventId, Instant occurredAt) implements RegistrationMessage {

    public RegistrationErased {
        Messages.require(registrationId, "registrationId");
        Messages.require(eventId, "eventId");
        Messages.require(occurredAt, "occurredAt");
    }
}
