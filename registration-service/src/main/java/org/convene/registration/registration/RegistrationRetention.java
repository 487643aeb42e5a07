package org.convene.registration.registration;

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
 * Deletes the registrations, with their consent answers, of events that ended longer ago than the
 * retention ({@link Retention}). No message goes out: the other services keep their own data for as long,
 * and events-service's counts name nobody and stay.
 */
@ApplicationScoped
public class RegistrationRetention {

    private static final Logger LOG = Logger.getLogger(RegistrationRetention.class);

    private final EntityManager entityManager;
    private final Retention retention;
    private final Clock clock;
    private final ShutdownGuard guard;

    public RegistrationRetention(EntityManager entityManager, Retention retention, Clock clock, ShutdownGuard guard) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.clock = clock;
        this.guard = guard;
    }

    // Every replica may run it: each batch deletes what no other has.
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastEvents() {
        guard.run("Deleting the registrations of long-past events", this::forgetPast);
    }

    /** @return how many registrations were deleted */
    public int forgetPast() {
        OffsetDateTime endedBefore = OffsetDateTime.ofInstant(clock.instant().minus(retention.afterEvent()), ZoneOffset.UTC);
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    delete from registration where id in (
                        select r.id from registration r join catalogue_event e on e.id = r.event_id
                        where e.starts_at + make_interval(mins => e.duration_minutes) < ?1
                        limit ?2)""")
                    .setParameter(1, endedBefore).setParameter(2, retention.batchSize()).executeUpdate());
            deleted += batch;
        } while (batch > 0);
        if (deleted > 0) {
            LOG.infof("Deleted %d registrations of events that ended before %s", deleted, endedBefore.toInstant());
        }
        return deleted;
    }
}
