package org.convene.registration.registration;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.MessageType;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.platform.outbox.Outbox;

/** Reports a registration's state on {@code registrations}, through the outbox of the caller's transaction. */
@ApplicationScoped
public class RegistrationMessages {

    private final Outbox outbox;
    private final CancelLinks cancelLinks;
    private final JoinLinks joinLinks;

    public RegistrationMessages(Outbox outbox, CancelLinks cancelLinks, JoinLinks joinLinks) {
        this.outbox = outbox;
        this.cancelLinks = cancelLinks;
        this.joinLinks = joinLinks;
    }

    void changed(Registration registration, Instant at) {
        publish(registration, registration.state, at);
    }

    /**
     * The registrant came in through their joining link. Only this message says ATTENDED: the
     * registration keeps its state (registered or promoted), and notification-service marks the person
     * as there without changing theirs.
     */
    void attended(Registration registration, Instant at) {
        publish(registration, RegistrationState.ATTENDED, at);
    }

    /** Every message carries the registrant's own links: the emails never need the event's joining link. */
    private void publish(Registration registration, RegistrationState state, Instant at) {
        outbox.publish(MessageType.REGISTRATION_CHANGED, registration.id.toString(),
                new RegistrationChanged(registration.id, registration.eventId, state, registration.name,
                        registration.email, registration.language, at, registration.timeZone,
                        cancelLinks.url(registration.id), registration.confirmationRequests,
                        joinLinks.url(registration.id)));
    }
}
