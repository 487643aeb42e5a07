package org.convene.notification.mailing;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.mailing.EmailsResendRequested;
import org.convene.contracts.mailing.MailingRequested;
import org.convene.notification.mail.FailedEmails;
import org.convene.notification.schedule.ScheduleCounts;
import org.convene.platform.consumer.ConsumedMessages;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code mailings}: keeps the organiser's message, and promises one email per registrant of the
 * audience (or one to the organiser, for a test); a resend makes an event's failed emails due once more
 * ({@link FailedEmails}). A request read twice promises nothing twice.
 */
@ApplicationScoped
public class MailingConsumer {

    private final ConsumedMessages messages;
    private final EntityManager entityManager;
    private final ScheduleCounts counts;
    private final FailedEmails failedEmails;
    private final Clock clock;

    public MailingConsumer(ConsumedMessages messages, EntityManager entityManager, ScheduleCounts counts,
            FailedEmails failedEmails, Clock clock) {
        this.failedEmails = failedEmails;
        this.messages = messages;
        this.entityManager = entityManager;
        this.counts = counts;
        this.clock = clock;
    }

    /** In a transaction of its own (see {@link ConsumedMessages#applyOne}). */
    @Incoming("mailings")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        messages.applyOne(record, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        messages.readAny(MessageType.MAILING_MESSAGES, record).ifPresent(received -> {
            switch (received.payload()) {
                case MailingRequested request -> requested(request);
                case EmailsResendRequested request -> failedEmails.resend(request);
            }
        });
    }

    private void requested(MailingRequested request) {
        if (Mailing.findById(request.sendId()) != null) {
            return;
        }
        Mailing mailing = new Mailing();
        mailing.sendId = request.sendId();
        mailing.mailingId = request.mailingId();
        mailing.eventId = request.eventId();
        mailing.subject = request.subject();
        mailing.body = request.body();
        mailing.audience = request.audience();
        mailing.testTo = request.testTo();
        mailing.requestedAt = clock.instant();
        mailing.persist();
        entityManager.flush();
        if (request.isTest()) {
            promiseTest(mailing);
        } else {
            promiseToAudience(mailing);
        }
    }

    /** To the organiser alone: the request's own id stands in for a registration. */
    private void promiseTest(Mailing mailing) {
        int promised = entityManager.createNativeQuery("""
                insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, status, attempts,
                        due_at, created_at, send_id)
                values (:id, :key, 'ORGANISER_MESSAGE', :sendId, :eventId, 'PENDING', 0, :now, :now, :sendId)
                on conflict (idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", "organiser-message-test/" + mailing.sendId)
                .setParameter("sendId", mailing.sendId)
                .setParameter("eventId", mailing.eventId)
                .setParameter("now", clock.instant())
                .executeUpdate();
        counts.changed(mailing.eventId, EmailKind.ORGANISER_MESSAGE, promised);
    }

    private void promiseToAudience(Mailing mailing) {
        String states = switch (mailing.audience) {
            case REGISTERED -> "('REGISTERED', 'PROMOTED')";
            case WAITLISTED -> "('WAITLISTED')";
            case EVERYONE -> "('REGISTERED', 'PROMOTED', 'WAITLISTED')";
        };
        int promised = entityManager.createNativeQuery("""
                insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, status, attempts,
                        due_at, created_at, send_id)
                select gen_random_uuid(), 'organiser-message/' || r.registration_id || '/' || :sendId,
                        'ORGANISER_MESSAGE', r.registration_id, r.event_id, 'PENDING', 0, :now, :now, :sendId
                from recipient r
                where r.event_id = :eventId and r.state in %s
                on conflict (idempotency_key) do nothing""".formatted(states))
                .setParameter("sendId", mailing.sendId)
                .setParameter("eventId", mailing.eventId)
                .setParameter("now", clock.instant())
                .executeUpdate();
        counts.changed(mailing.eventId, EmailKind.ORGANISER_MESSAGE, promised);
    }
}
