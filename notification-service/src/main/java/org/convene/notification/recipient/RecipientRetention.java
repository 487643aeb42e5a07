package org.convene.notification.recipient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.convene.contracts.retention.Retention;
import org.convene.contracts.worker.ShutdownGuard;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what is kept to write to the registrants of events that ended longer ago than the retention
 * ({@link Retention}): their names and addresses (recipients), their emails, and the event's organiser
 * messages with their test addresses. The counts events-service keeps name nobody, and stay.
 */
@ApplicationScoped
public class RecipientRetention {

    private static final Logger LOG = Logger.getLogger(RecipientRetention.class);

    /** What goes, table by table, each in batches: emails first, then whom they were to. */
    private static final String[] DELETES = {
        "delete from scheduled_email where id in (select s.id from scheduled_email s join known_event e on e.id = s.event_id"
                + " where e.starts_at + make_interval(mins => e.duration_minutes) < ?1 limit ?2)",
        "delete from recipient where registration_id in (select r.registration_id from recipient r"
                + " join known_event e on e.id = r.event_id"
                + " where e.starts_at + make_interval(mins => e.duration_minutes) < ?1 limit ?2)",
        "delete from mailing where send_id in (select m.send_id from mailing m join known_event e on e.id = m.event_id"
                + " where e.starts_at + make_interval(mins => e.duration_minutes) < ?1 limit ?2)" };

    private final EntityManager entityManager;
    private final Retention retention;
    private final Clock clock;
    private final ShutdownGuard guard;

    public RecipientRetention(EntityManager entityManager, Retention retention, Clock clock, ShutdownGuard guard) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.clock = clock;
        this.guard = guard;
    }

    // Every replica may run it: each batch deletes what no other has.
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastEvents() {
        guard.run("Deleting the registrants' data of long-past events", this::forgetPast);
    }

    /** @return how many rows were deleted */
    public int forgetPast() {
        OffsetDateTime endedBefore = OffsetDateTime.ofInstant(clock.instant().minus(retention.afterEvent()), ZoneOffset.UTC);
        int deleted = 0;
        for (String delete : DELETES) {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete)
                        .setParameter(1, endedBefore).setParameter(2, retention.batchSize()).executeUpdate());
                deleted += batch;
            } while (batch > 0);
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d recipients, emails and messages of events that ended before %s", deleted,
                    endedBefore.toInstant());
        }
        return deleted;
    }
}
