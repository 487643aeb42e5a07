package org.convene.events.mailing;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.convene.contracts.MessageType;
import org.convene.contracts.mailing.MailingAudience;
import org.convene.contracts.registration.RegistrationState;
import org.convene.events.event.Event;
import org.convene.events.event.EventLifecycle;
import org.convene.events.event.EventState;
import org.convene.events.event.EventStateForbids;
import org.convene.events.tally.RegistrationTally;
import org.convene.platform.outbox.Outbox;

/**
 * Organisers' messages to the registrants of a public event: written and edited as drafts, tested on
 * the organiser, then sent once. Each test and the send are a {@code MailingRequested} written to the
 * outbox in the same transaction as the change they record; notification-service sends the emails.
 *
 * <p>A send needs a test of the text as it is: the organiser has then read it as registrants will,
 * in their own inbox, before it goes to hundreds of people and cannot be taken back. Editing the
 * subject or the body asks for a new test; changing only the audience does not, the email being the same.
 */
@ApplicationScoped
public class Mailings {

    /** Whom each audience reaches: the states notification-service writes to, so that the count is theirs. */
    private static final Map<MailingAudience, Set<RegistrationState>> STATES = Map.of(
            MailingAudience.REGISTERED, EnumSet.of(RegistrationState.REGISTERED, RegistrationState.PROMOTED),
            MailingAudience.WAITLISTED, EnumSet.of(RegistrationState.WAITLISTED),
            MailingAudience.EVERYONE, EnumSet.of(RegistrationState.REGISTERED, RegistrationState.PROMOTED,
                    RegistrationState.WAITLISTED));

    private final EventLifecycle events;
    private final Outbox outbox;
    private final Clock clock;

    public Mailings(EventLifecycle events, Outbox outbox, Clock clock) {
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A draft for a public event: a draft event has nobody to write to yet. */
    @Transactional
    public Mailing create(UUID eventId, MailingFields request) {
        Event event = events.find(eventId);
        if (event.status == EventState.DRAFT) {
            throw new EventStateForbids("A draft event has no registrants: publish it before writing to them");
        }
        Mailing mailing = new Mailing();
        mailing.id = UUID.randomUUID();
        mailing.eventId = eventId;
        mailing.status = MailingStatus.DRAFT;
        mailing.createdAt = clock.instant();
        write(mailing, request);
        mailing.persist();
        return mailing;
    }

    /** Only a draft: what was sent is kept as it went out. */
    @Transactional
    public Mailing update(UUID eventId, UUID mailingId, MailingFields request) {
        Mailing mailing = lockedOrThrow(eventId, mailingId);
        mailing.checkDraft("edited");
        if (!mailing.subject.equals(request.cleanSubject()) || !mailing.body.equals(request.cleanBody())) {
            mailing.testedAt = null; // the test showed another text
        }
        write(mailing, request);
        return mailing;
    }

    /** Sends the draft to {@code organiserEmail} alone, as often as asked: each test is a request of its own. */
    @Transactional
    public Mailing test(UUID eventId, UUID mailingId, String organiserEmail) {
        Mailing mailing = lockedOrThrow(eventId, mailingId);
        mailing.checkDraft("tested");
        mailing.testedAt = clock.instant();
        outbox.publish(MessageType.MAILING_REQUESTED, eventId.toString(),
                mailing.request(UUID.randomUUID(), organiserEmail, mailing.testedAt));
        return mailing;
    }

    /**
     * Sends the tested draft to its audience, once. The row is locked and its send id made here, so
     * that a repeated or concurrent request is refused and nothing is requested twice.
     */
    @Transactional
    public Mailing send(UUID eventId, UUID mailingId) {
        Mailing mailing = lockedOrThrow(eventId, mailingId);
        mailing.checkSendable();
        mailing.sendId = UUID.randomUUID();
        mailing.status = MailingStatus.SENT;
        mailing.sentAt = clock.instant();
        outbox.publish(MessageType.MAILING_REQUESTED, eventId.toString(),
                mailing.request(mailing.sendId, null, mailing.sentAt));
        return mailing;
    }

    /** The event's mailings, the newest first. */
    public List<Mailing> list(UUID eventId) {
        events.find(eventId);
        return Mailing.list("eventId = ?1 order by createdAt desc, id", eventId);
    }

    public Mailing find(UUID eventId, UUID mailingId) {
        Mailing mailing = Mailing.findById(mailingId);
        return ofEvent(mailing, eventId, mailingId);
    }

    /** How many registrants the audience reaches now, as far as this service has heard. */
    public static long recipients(UUID eventId, MailingAudience audience) {
        Map<RegistrationState, Long> counts = RegistrationTally.countsFor(List.of(eventId)).getOrDefault(eventId, Map.of());
        return STATES.get(audience).stream().mapToLong(state -> counts.getOrDefault(state, 0L)).sum();
    }

    private static void write(Mailing mailing, MailingFields request) {
        mailing.subject = request.cleanSubject();
        mailing.body = request.cleanBody();
        mailing.audience = request.chosenAudience();
    }

    private static Mailing lockedOrThrow(UUID eventId, UUID mailingId) {
        return ofEvent(Mailing.findById(mailingId, LockModeType.PESSIMISTIC_WRITE), eventId, mailingId);
    }

    /** A mailing is found only under its own event. */
    private static Mailing ofEvent(Mailing mailing, UUID eventId, UUID mailingId) {
        if (mailing == null || !mailing.eventId.equals(eventId)) {
            throw new NoSuchMailing(eventId, mailingId);
        }
        return mailing;
    }
}
