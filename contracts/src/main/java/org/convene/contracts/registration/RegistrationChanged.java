package org.convene.contracts.registration;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * A registration's new state, keyed by {@code registrationId} on {@code registrations}. It carries
 * the registrant's name, address, language and time zone because notification-service needs them to
 * write.
 *
 * @param timeZone            the registrant's IANA zone; absent from older messages, read as the event's
 * @param cancelUrl           the registrant's signed link to cancel; absent from older messages
 * @param joinUrl             the registrant's own joining link, through registration-service, which
 *                            records attendance and leads on to the event's link; absent from older
 *                            messages (then the event's own link is used)
 * @param confirmationRequest the how-many-th time the person asked to be registered: 1 at first, one
 *                            more each time they register again and want the confirmation again;
 *                            absent from older messages, read as 1
 */
public record RegistrationChanged(
        UUID registrationId,
        UUID eventId,
        RegistrationState state,
        String name,
        String email,
        String language,
        Instant occurredAt,
        String timeZone,
        String cancelUrl,
        Integer confirmationRequest,
        String joinUrl) implements RegistrationMessage {

    public RegistrationChanged {
        Messages.require(registrationId, "registrationId");
        Messages.require(eventId, "eventId");
        Messages.require(state, "state");
        Messages.require(name, "name");
        Messages.require(email, "email");
        Messages.require(language, "language");
        Messages.require(occurredAt, "occurredAt");
        if (confirmationRequest == null) {
            confirmationRequest = 1;
        }
    }
}
