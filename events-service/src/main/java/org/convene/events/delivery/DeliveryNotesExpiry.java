package org.convene.events.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.convene.contracts.Topics;
import org.convene.platform.worker.ShutdownGuard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the notes of deliveries messages counted long ago ({@link EmailTally#firstTime}), which would
 * otherwise grow by one row for every email ever sent. A note is kept while a copy of its message could
 * still be read: Kafka keeps a message for the topic's retention, and until the rest of its log segment
 * is that old too (up to a week more with Kafka's default {@code segment.ms}); a consumer group whose
 * offsets expired reads all of that again.
 */
@ApplicationScoped
public class DeliveryNotesExpiry {

    /** The topic's retention, a default segment's week, and a margin for clocks and outages. */
    static final Duration KEPT = Topics.RETENTION.plus(Duration.ofDays(7)).plus(Duration.ofDays(9));

    private final EntityManager entityManager;
    private final ShutdownGuard guard;

    public DeliveryNotesExpiry(EntityManager entityManager, ShutdownGuard guard) {
        this.entityManager = entityManager;
        this.guard = guard;
    }

    // Every replica may run it: the delete is idempotent.
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldNotes() {
        guard.run("Forgetting old delivery notes", () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from delivery_applied where applied_at < now() - make_interval(secs => ?1)")
                .setParameter(1, KEPT.toSeconds())
                .executeUpdate()));
    }
}
