package org.convene.registration.registration;

import java.util.UUID;

import org.convene.contracts.registration.RegistrationState;

/** The API's answer to a registration: no personal data goes back. */
public record RegistrationView(UUID id, UUID eventId, RegistrationState state, boolean alreadyRegistered) {

    static RegistrationView of(RegistrationOutcome outcome) {
        Registration r = outcome.registration();
        return new RegistrationView(r.id, r.eventId, r.state, outcome.alreadyRegistered());
    }
}
