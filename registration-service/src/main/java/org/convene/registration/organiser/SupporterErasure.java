package org.convene.registration.organiser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.convene.contracts.MessageType;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.platform.outbox.Outbox;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.registration.Places;
import org.convene.registration.registration.Registrar;
import org.convene.registration.registration.Registration;

/**
 * Forgets a person: their registrations go, with their consent answers, and in the same transaction
 * one {@link RegistrationErased} per registration tells notification-service (which forgets them too)
 * and events-service (which counts it) without naming them.
 */
@ApplicationScoped
public class SupporterErasure {

    private final Places places;
    private final Outbox outbox;
    private final Clock clock;

    public SupporterErasure(Places places, Outbox outbox, Clock clock) {
        this.places = places;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** How many registrations were erased. */
    @Transactional
    public int erase(String emailNormalised) {
        List<Registration> registrations = Registration.ofAddress(emailNormalised);
        Instant now = clock.instant();
        for (Registration registration : registrations) {
            // The event's lock, as for every change of its registrations: the freed place is counted exactly.
            CatalogueEvent event = Registrar.lockedEvent(registration.eventId);
            Registration.getEntityManager().refresh(registration);
            boolean heldAPlace = registration.holdsAPlace();
            registration.delete();
            outbox.publish(MessageType.REGISTRATION_ERASED, registration.id.toString(),
                    new RegistrationErased(registration.id, registration.eventId, now));
            if (heldAPlace) {
                Registration.flush();
                places.fillFromWaitlist(event, now);
            }
        }
        return registrations.size();
    }
}
