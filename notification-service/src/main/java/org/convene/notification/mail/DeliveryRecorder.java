package org.convene.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.notification.recipient.AddressKeys;
import org.convene.notification.recipient.Recipient;
import org.convene.notification.schedule.EmailCounting;
import org.convene.platform.problem.FailureText;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.mail.SMTPException;

/**
 * Records what became of claimed emails, a batch in a transaction of its own with their messages on
 * {@code deliveries}, and counts it in the metric {@code convene.emails} (by kind and outcome). A
 * failure that may pass is tried again after a pause that doubles each time, for as long as the email's
 * lifetime lasts ({@link MailRetry}); an email that found no relay goes again as soon as the relay is
 * back ({@link RelayBreaker}); a permanent failure, or one past the lifetime, is given up on; a bounce
 * also stops all mail to the address.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final EntityManager entityManager;
    private final EmailCounting counting;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final MailRetry retry;
    private final AddressKeys addressKeys;

    public DeliveryRecorder(EntityManager entityManager, EmailCounting counting, MeterRegistry metrics, Clock clock,
            MailConfig mail, AddressKeys addressKeys) {
        this.entityManager = entityManager;
        this.counting = counting;
        this.metrics = metrics;
        this.clock = clock;
        this.retry = mail.retry();
        this.addressKeys = addressKeys;
    }

    /**
     * Records a sent batch in one transaction: a transaction per email cost more than writing the
     * email itself (issue 7's reminder fan-out). The outcomes are recorded once every send of the batch
     * has ended, so the window for a duplicate after a crash is the batch's time at the SMTP server.
     *
     * @param failures for each email of {@code batch}, in its order: null when the SMTP server accepted it
     */
    public void record(List<EmailClaims.Claimed> batch, List<Throwable> failures) {
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Map<UUID, ScheduledEmail> emails = ScheduledEmail.<ScheduledEmail> list("id in ?1",
                    batch.stream().map(EmailClaims.Claimed::id).toList()).stream()
                    .collect(Collectors.toMap(email -> email.id, Function.identity()));
            Instant now = clock.instant();
            for (int i = 0; i < batch.size(); i++) {
                record(batch.get(i), emails.get(batch.get(i).id()), failures.get(i), now);
            }
        });
    }

    private void record(EmailClaims.Claimed claimed, ScheduledEmail email, Throwable failure, Instant now) {
        if (email == null || email.status != EmailStatus.SENDING || !claimed.claimedUntil().equals(email.claimedUntil)) {
            // Erased meanwhile, or the claim ran out and another dispatcher holds the row now.
            return;
        }
        email.claimedUntil = null;
        if (failure == null) {
            email.status = EmailStatus.SENT;
            email.sentAt = now;
            counted(email.eventId, email.kind, DeliveryOutcome.SENT);
            return;
        }
        email.attempts++;
        email.lastError = describe(failure);
        String cause = failure.getClass().getSimpleName();
        SendFailure kindOfFailure = SendFailure.of(failure);
        countFailure(email.kind, kindOfFailure.name());
        switch (kindOfFailure) {
            case BOUNCE -> {
                email.status = EmailStatus.BOUNCED;
                suppressBounced(email.registrationId, now);
                counted(email.eventId, email.kind, DeliveryOutcome.BOUNCED);
                LOG.warnf("The %s email %s bounced (%s); its address gets no more mail", email.kind, email.id, cause);
            }
            case PERMANENT -> giveUp(email, cause);
            case TRANSIENT, RELAY_AWAY -> {
                if (retry.isOver(email.kind, email.createdAt, now)) {
                    giveUp(email, cause);
                } else {
                    email.status = EmailStatus.PENDING;
                    // An email that found no relay is due again at once: the dispatcher's breaker paces the
                    // tries while the relay is away, and sends it first once it is back.
                    email.dueAt = kindOfFailure == SendFailure.RELAY_AWAY ? now : now.plus(retry.pauseAfter(email.attempts));
                    LOG.warnf("The %s email %s failed (attempt %d, %s); retrying at %s", email.kind, email.id,
                            email.attempts, cause, email.dueAt);
                }
            }
        }
    }

    /**
     * An email that could not be written is failed alone, within the claim's transaction: trying again
     * would fail again.
     */
    void unwritable(ScheduledEmail email, RuntimeException failure) {
        email.attempts++;
        email.status = EmailStatus.FAILED;
        email.failedAt = clock.instant();
        email.claimedUntil = null;
        email.lastError = describe(failure);
        countFailure(email.kind, "UNWRITABLE");
        counted(email.eventId, email.kind, DeliveryOutcome.FAILED);
        LOG.errorf("The %s email %s could not be written, and is marked failed (%s)", email.kind, email.id,
                email.lastError);
    }

    /** Each failed attempt, by kind of email and of failure: what an operator alerts on. */
    private void countFailure(EmailKind kind, String failure) {
        metrics.counter("convene.email.failures", "kind", kind.name().toLowerCase(Locale.ROOT),
                "failure", failure.toLowerCase(Locale.ROOT)).increment();
    }

    /** Counts an outcome for {@code deliveries} and for Prometheus; within the caller's transaction. */
    void counted(UUID eventId, EmailKind kind, DeliveryOutcome outcome) {
        counting.outcome(eventId, kind, outcome);
        metrics.counter("convene.emails", "kind", kind.name().toLowerCase(Locale.ROOT),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    private void giveUp(ScheduledEmail email, String cause) {
        email.status = EmailStatus.FAILED;
        email.failedAt = clock.instant();
        counted(email.eventId, email.kind, DeliveryOutcome.FAILED);
        LOG.warnf("Gave up on the %s email %s after %d attempts (%s)", email.kind, email.id, email.attempts, cause);
    }

    private void suppressBounced(UUID registrationId, Instant now) {
        Recipient recipient = Recipient.findById(registrationId);
        if (recipient == null) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into suppressed_address (address_key, reason, created_at) values (:key, 'BOUNCED', :now)
                on conflict (address_key) do update set reason = 'BOUNCED'""")
                .setParameter("key", addressKeys.of(recipient.email))
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * What failed, for the row's {@code last_error}, without personal data: the exception types and, from
     * an SMTP server, its reply code. Its text is left out: servers quote the address they refuse.
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(FailureText.withoutValues(e));
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                text.append(" (SMTP ").append(smtp.getReplyCode()).append(')');
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
