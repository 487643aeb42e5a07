package org.convene.registration.registration;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.MessageType;
import org.convene.contracts.outbox.Outbox;
import org.convene.contracts.registration.RegistrationChanged;

/** Reports a registration's state on {@code registrations}, through the outbox of the caller's transaction. */
@ApplicationScoped
public class RegistrationMessages {

    private final Outbox outbox;
    private final CancelLinks cancelLinks;

    public RegistrationMessages(Outbox outbox, CancelLinks cancelLinks) {
        this.outbox = outbox;
        this.cancelLinks = cancelLinks;
    }

    void changed(Registration registration, Instant at) {
        outbox.publish(MessageType.REGISTRATION_CHANGED, registration.id.toString(),
                new RegistrationChanged(registration.id, registration.eventId, registration.state, registration.name,
                        registration.email, registration.language, at, registration.timeZone,
                        cancelLinks.url(registration.id), registration.confirmationRequests, null));
    }
}
