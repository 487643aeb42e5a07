package org.convene.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.outbox.Outbox;
import org.convene.notification.recipient.Recipient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records what became of claimed emails, a batch in a transaction of its own with their messages on
 * {@code deliveries}, and counts it in the metric {@code convene.emails} (by kind and outcome). A
 * failure that may pass is tried again after a pause that doubles each time; a permanent one, or the
 * last attempt, is given up on; a bounce also stops all mail to the address.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Duration retryBackoff;
    private final Duration maxRetryBackoff;
    private final int maxAttempts;

    public DeliveryRecorder(EntityManager entityManager, Outbox outbox, MeterRegistry metrics, Clock clock,
            @ConfigProperty(name = "convene.mail.retry-backoff") Duration retryBackoff,
            @ConfigProperty(name = "convene.mail.max-retry-backoff") Duration maxRetryBackoff,
            @ConfigProperty(name = "convene.mail.max-attempts") int maxAttempts) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.retryBackoff = retryBackoff;
        this.maxRetryBackoff = maxRetryBackoff;
        this.maxAttempts = maxAttempts;
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
            published(email.registrationId, email.eventId, email.kind, DeliveryOutcome.SENT);
            return;
        }
        email.attempts++;
        email.lastError = describe(failure);
        // The exception's message may name the recipient, so the log gets its type only.
        String cause = failure.getClass().getSimpleName();
        switch (SendFailure.of(failure)) {
            case BOUNCE -> {
                email.status = EmailStatus.BOUNCED;
                suppressBounced(email.registrationId, now);
                published(email.registrationId, email.eventId, email.kind, DeliveryOutcome.BOUNCED);
                LOG.warnf("The %s email %s bounced (%s); its address gets no more mail", email.kind, email.id, cause);
            }
            case PERMANENT -> giveUp(email, cause);
            case TRANSIENT -> {
                if (email.attempts >= maxAttempts) {
                    giveUp(email, cause);
                } else {
                    email.status = EmailStatus.PENDING;
                    email.dueAt = now.plus(backoff(email.attempts));
                    LOG.warnf("The %s email %s failed (attempt %d, %s); retrying at %s", email.kind, email.id,
                            email.attempts, cause, email.dueAt);
                }
            }
        }
    }

    /** Publishes an outcome to {@code deliveries} and counts it; within the caller's transaction. */
    void published(UUID registrationId, UUID eventId, EmailKind kind, DeliveryOutcome outcome) {
        outbox.publish(MessageType.DELIVERY_RECORDED, registrationId.toString(),
                new DeliveryRecorded(registrationId, eventId, kind, outcome, clock.instant()));
        metrics.counter("convene.emails", "kind", kind.name().toLowerCase(Locale.ROOT),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    private void giveUp(ScheduledEmail email, String cause) {
        email.status = EmailStatus.FAILED;
        published(email.registrationId, email.eventId, email.kind, DeliveryOutcome.FAILED);
        LOG.warnf("Gave up on the %s email %s after %d attempts (%s)", email.kind, email.id, email.attempts, cause);
    }

    /** The first retry after {@code retryBackoff}, each next one after twice as long, up to the maximum. */
    Duration backoff(int attempts) {
        Duration pause = retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : pause;
    }

    private void suppressBounced(UUID registrationId, Instant now) {
        Recipient recipient = Recipient.findById(registrationId);
        if (recipient == null) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into suppressed_address (email, reason, created_at) values (lower(:email), 'BOUNCED', :now)
                on conflict (email) do update set reason = 'BOUNCED'""")
                .setParameter("email", recipient.email)
                .setParameter("now", now)
                .executeUpdate();
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
