package org.convene.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.mailing.EmailsResendRequested;
import org.convene.notification.schedule.ScheduleCounts;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends an event's failed emails once more on request: each is due again at once, as it was written
 * before (its Message-ID too), and marked resent, so that it goes at most once more however often, or
 * however many times redelivered, the request comes. Each resent email is promised again in the
 * event's counts, and counted in {@code convene.emails.resent}.
 */
@ApplicationScoped
public class FailedEmails {

    private static final Logger LOG = Logger.getLogger(FailedEmails.class);

    private final EntityManager entityManager;
    private final ScheduleCounts counts;
    private final MeterRegistry metrics;
    private final Clock clock;

    public FailedEmails(EntityManager entityManager, ScheduleCounts counts, MeterRegistry metrics, Clock clock) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void resend(EmailsResendRequested request) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> kinds = entityManager.createNativeQuery("""
                update scheduled_email set status = 'PENDING', due_at = :now, resent_at = :now, claimed_until = null
                where event_id = :eventId and status = 'FAILED' and resent_at is null
                  and (cast(:kind as text) is null or kind = cast(:kind as text))
                  and (cast(:since as timestamptz) is null or failed_at >= cast(:since as timestamptz))
                  and (cast(:before as timestamptz) is null or failed_at < cast(:before as timestamptz))
                returning kind""")
                .setParameter("now", now)
                .setParameter("eventId", request.eventId())
                .setParameter("kind", request.kind() == null ? null : request.kind().name())
                .setParameter("since", request.failedSince())
                .setParameter("before", request.failedBefore())
                .getResultList();
        for (EmailKind kind : EmailKind.values()) {
            int resent = (int) kinds.stream().filter(kind.name()::equals).count();
            if (resent > 0) {
                counts.changed(request.eventId(), kind, resent);
                metrics.counter("convene.emails.resent", "kind", kind.name().toLowerCase(Locale.ROOT)).increment(resent);
            }
        }
        LOG.infof("Resend %s: %d failed emails of event %s are due again", request.requestId(), kinds.size(),
                request.eventId());
    }
}
