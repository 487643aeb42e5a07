package org.convene.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.bots.Admission;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.NoSuchEvent;

/**
 * Registers and cancels from the catalogue alone, each change and its message in one transaction.
 * The event's row lock serialises the changes of one event: a repeat is always seen, and places are
 * counted exactly.
 */
@ApplicationScoped
public class Registrar {

    private final Places places;
    private final ConsentQuestions consentQuestions;
    private final RegistrationMessages messages;
    private final Admission admission;
    private final Clock clock;

    public Registrar(Places places, ConsentQuestions consentQuestions, RegistrationMessages messages,
            Admission admission, Clock clock) {
        this.admission = admission;
        this.places = places;
        this.consentQuestions = consentQuestions;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Registers the person, or, when their address is registered already, takes their new answers and
     * sends the confirmation again without a second registration. What let the request in (its proof of
     * work spent, its hits counted) is decided in this transaction, before the event's lock is taken: a
     * request whose registration is not stored, refused or failed, spends nothing. A repeat of an answered
     * request (its proof spent on the same event and address) changes nothing and gets the first's answer.
     *
     * @param shownIn the language the consent questions were read in: their words are what is stored
     * @throws Admission.Refused when the request may not go ahead
     */
    @Transactional
    public RegistrationOutcome register(UUID eventId, RegistrationForm form, String shownIn, Admission.Ticket ticket) {
        // An unknown or closed event is answered (404, 409) before a request needs a proof of work.
        CatalogueEvent event = CatalogueEvent.findById(eventId);
        if (event == null) {
            throw new NoSuchEvent(eventId);
        }
        event.checkOpen(clock.instant());
        Admission.Admitted admitted = admission.admit(ticket, eventId, form);
        if (admitted.isRepeat()) {
            Registration first = Registration.findById(admitted.repeatOf());
            if (first == null) {
                // Erased since: the repeat has nothing to be answered with.
                throw Admission.Refused.of(Admission.Refusal.PROOF_USED);
            }
            return new RegistrationOutcome(first, admitted.answeredAlreadyRegistered());
        }
        // Read again under the lock that every change to the event's registrations takes: it may have changed.
        CatalogueEvent.getEntityManager().refresh(event, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        event.checkOpen(now);
        List<ConsentAnswer> consents = consentQuestions.answers(event, form.consentTo(), shownIn, now);
        String zone = Objects.requireNonNullElse(form.timeZone(), event.timeZone);

        Registration registration = Registration.findByAddress(eventId, form.normalisedEmail());
        boolean again = registration != null && registration.isActive();
        if (registration == null) {
            registration = new Registration();
            registration.id = UUID.randomUUID();
            registration.eventId = eventId;
            registration.createdAt = now;
            registration.confirmationRequests = 1;
        } else {
            registration.confirmationRequests++;
        }
        registration.takeAnswers(form, zone, consents);
        if (!again) {
            // New, or back after cancelling: in the queue for a place like anyone arriving now.
            registration.moveTo(places.forNewcomer(event), now);
        }
        registration.persist();
        messages.changed(registration, now);
        admission.answered(admitted, registration.id, again);
        return new RegistrationOutcome(registration, again);
    }

    /** Cancels from the registrant's link; the place it held goes to the first on the waitlist. */
    @Transactional
    public Registration cancel(UUID registrationId) {
        Registration registration = Registration.findById(registrationId);
        if (registration == null) {
            throw new NoSuchRegistration(registrationId);
        }
        CatalogueEvent event = lockedEvent(registration.eventId);
        // Read again under the event's lock: a promotion may have changed it since.
        Registration.getEntityManager().refresh(registration);
        Instant now = clock.instant();
        if (registration.state == RegistrationState.CANCELLED) {
            return registration;
        }
        event.checkCancellable(now);
        boolean heldAPlace = registration.holdsAPlace();
        registration.moveTo(RegistrationState.CANCELLED, now);
        messages.changed(registration, now);
        if (heldAPlace) {
            places.fillFromWaitlist(event, now);
        }
        return registration;
    }

    /**
     * Records that the registrant came in through their joining link, with its message: the first time
     * only, so that a second visit sends nothing. Under the event's lock like every other change, so that
     * a cancel at the same moment cannot write over it. Says whether this visit was the first.
     */
    @Transactional
    public boolean attend(UUID registrationId) {
        Registration registration = Registration.findById(registrationId);
        if (registration == null) {
            throw new NoSuchRegistration(registrationId);
        }
        lockedEvent(registration.eventId);
        Registration.getEntityManager().refresh(registration);
        if (registration.attendedAt != null || !registration.holdsAPlace()) {
            return false;
        }
        Instant now = clock.instant();
        registration.attendedAt = now;
        messages.attended(registration, now);
        return true;
    }

    /** The event, locked until the transaction ends: every change to its registrations takes this lock. */
    public static CatalogueEvent lockedEvent(UUID eventId) {
        CatalogueEvent event = CatalogueEvent.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new NoSuchEvent(eventId);
        }
        return event;
    }
}
