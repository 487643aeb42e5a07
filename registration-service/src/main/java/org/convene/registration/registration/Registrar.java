package org.convene.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.convene.contracts.MessageType;
import org.convene.contracts.outbox.Outbox;
import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.catalogue.CatalogueEvent;

/**
 * Registers people for events from the catalogue alone. A new registration and its message are
 * written in one transaction; a repeat with the same address returns the first one and sends nothing.
 */
@ApplicationScoped
public class Registrar {

    private static final String LANGUAGE = "en";

    private final Outbox outbox;
    private final Clock clock;

    public Registrar(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public RegistrationOutcome register(UUID eventId, RegistrationForm form) {
        // The row lock serialises registrations per event: repeats are seen, and capacity can be exact.
        CatalogueEvent event = CatalogueEvent.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No event " + eventId);
        }
        Instant now = clock.instant();
        event.closedReason(now).ifPresent(reason -> {
            throw new ProblemException(ProblemType.CONFLICT, reason);
        });

        Registration existing = Registration.findByAddress(eventId, form.normalisedEmail());
        if (existing != null) {
            return new RegistrationOutcome(existing, true);
        }
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.eventId = eventId;
        registration.name = form.name();
        registration.email = form.email();
        registration.emailNormalised = form.normalisedEmail();
        registration.state = RegistrationState.REGISTERED;
        registration.language = LANGUAGE;
        registration.createdAt = now;
        registration.persist();
        outbox.publish(MessageType.REGISTRATION_CHANGED, registration.id.toString(),
                new RegistrationChanged(registration.id, eventId, registration.state, registration.name,
                        registration.email, registration.language, now));
        return new RegistrationOutcome(registration, false);
    }
}
