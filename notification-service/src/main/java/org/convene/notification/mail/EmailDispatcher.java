package org.convene.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.outbox.Outbox;
import org.convene.notification.event.KnownEvent;
import org.convene.notification.recipient.Recipient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due emails, one per transaction: it claims a row with {@code FOR UPDATE SKIP LOCKED} (so
 * replicas share the work and never take the same row), sends it, and records the outcome with its
 * delivery message in the same transaction. Only a crash between the SMTP server's acceptance and
 * the commit can send an email twice.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final EmailWriter writer;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration sendTimeout;
    private final Duration retryBackoff;
    private final int maxAttempts;

    public EmailDispatcher(EntityManager entityManager, ReactiveMailer mailer, EmailWriter writer,
            Outbox outbox, Clock clock,
            @ConfigProperty(name = "convene.mail.send-timeout") Duration sendTimeout,
            @ConfigProperty(name = "convene.mail.retry-backoff") Duration retryBackoff,
            @ConfigProperty(name = "convene.mail.max-attempts") int maxAttempts) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.writer = writer;
        this.outbox = outbox;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
        this.retryBackoff = retryBackoff;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${convene.mail.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        dropLateReminders();
        while (dispatchOne()) {
            // one email per transaction, until none is due
        }
    }

    /** Claims, sends and records one due email in a transaction of its own; false when none is due. */
    boolean dispatchOne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            ScheduledEmail email = claimDue(now);
            if (email == null) {
                return false;
            }
            try {
                // The async mailer, awaited: the blocking Mailer was seen to hang on worker threads (INFRA.md).
                mailer.send(render(email)).await().atMost(sendTimeout);
            } catch (RuntimeException e) {
                failed(email, e, now);
                return true;
            }
            email.status = EmailStatus.SENT;
            email.sentAt = clock.instant();
            record(email, DeliveryOutcome.SENT);
            return true;
        });
    }

    /**
     * A reminder still pending when its event has started is not sent late: it is dropped, and the
     * drop recorded like any other outcome.
     */
    void dropLateReminders() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            List<?> dropped = entityManager.createNativeQuery("""
                    update scheduled_email s set status = 'DROPPED'
                    from known_event e
                    where e.id = s.event_id and s.kind = 'REMINDER' and s.status = 'PENDING'
                      and s.due_at <= :now and e.starts_at <= :now
                    returning s.registration_id, s.event_id""")
                    .setParameter("now", now)
                    .getResultList();
            for (Object row : dropped) {
                Object[] ids = (Object[]) row;
                record((UUID) ids[0], (UUID) ids[1], EmailKind.REMINDER, DeliveryOutcome.DROPPED);
            }
        });
    }

    /**
     * The oldest due email whose event and registrant are known; one that waits for its event stays
     * pending. A reminder is never taken once its event has started, even between two drops.
     */
    private ScheduledEmail claimDue(Instant now) {
        List<?> rows = entityManager.createNativeQuery("""
                select s.* from scheduled_email s
                join known_event e on e.id = s.event_id
                where s.status = 'PENDING' and s.due_at <= :now
                  and not (s.kind = 'REMINDER' and e.starts_at <= :now)
                  and exists (select 1 from recipient r where r.registration_id = s.registration_id)
                order by s.due_at
                limit 1
                for update of s skip locked""", ScheduledEmail.class)
                .setParameter("now", now)
                .getResultList();
        return rows.isEmpty() ? null : (ScheduledEmail) rows.get(0);
    }

    private Mail render(ScheduledEmail email) {
        return writer.write(email, Recipient.findById(email.registrationId), KnownEvent.findById(email.eventId));
    }

    /** Retries later with a growing pause, and gives up after {@code maxAttempts}. */
    private void failed(ScheduledEmail email, RuntimeException e, Instant now) {
        int earlier = email.attempts;
        email.attempts = earlier + 1;
        email.lastError = describe(e);
        // The exception's message may name the recipient, so the log gets its type only.
        if (email.attempts >= maxAttempts) {
            email.status = EmailStatus.FAILED;
            record(email, DeliveryOutcome.FAILED);
            LOG.warnf("Gave up on the %s email %s after %d attempts (%s)", email.kind, email.id, email.attempts,
                    e.getClass().getSimpleName());
        } else {
            email.dueAt = now.plus(retryBackoff.multipliedBy(1L << Math.min(earlier, 20)));
            LOG.warnf("The %s email %s failed (attempt %d, %s); retrying at %s", email.kind, email.id,
                    email.attempts, e.getClass().getSimpleName(), email.dueAt);
        }
    }

    private void record(ScheduledEmail email, DeliveryOutcome outcome) {
        record(email.registrationId, email.eventId, email.kind, outcome);
    }

    private void record(UUID registrationId, UUID eventId, EmailKind kind, DeliveryOutcome outcome) {
        outbox.publish(MessageType.DELIVERY_RECORDED, registrationId.toString(),
                new DeliveryRecorded(registrationId, eventId, kind, outcome, clock.instant()));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
