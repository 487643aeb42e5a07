package org.convene.platform.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deletes a service's personal data of events that ended longer ago than the {@link Retention}: each
 * statement deletes up to {@code ?2} rows of events that ended before {@code ?1}, and runs again, each time
 * in a transaction of its own, until it deletes nothing.
 */
@ApplicationScoped
public class PastEvents {

    private static final Logger LOG = Logger.getLogger(PastEvents.class);

    private final EntityManager entityManager;
    private final Retention retention;
    private final Clock clock;

    public PastEvents(EntityManager entityManager, Retention retention, Clock clock) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return how many rows the statements deleted, in the order given */
    public int forget(String what, List<String> deletes) {
        OffsetDateTime endedBefore = OffsetDateTime.ofInstant(clock.instant().minus(retention.afterEvent()), ZoneOffset.UTC);
        int deleted = 0;
        for (String delete : deletes) {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete)
                        .setParameter(1, endedBefore).setParameter(2, retention.batchSize()).executeUpdate());
                deleted += batch;
            } while (batch > 0);
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d rows of %s of events that ended before %s", deleted, what, endedBefore.toInstant());
        }
        return deleted;
    }
}
