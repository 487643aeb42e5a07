package org.convene.platform.event;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.convene.contracts.event.EventSnapshot;

/**
 * Applies snapshots from {@code events} to a service's {@link EventReplica} table. Idempotent: a
 * redelivered or older snapshot changes nothing.
 */
@ApplicationScoped
public class EventReplicas {

    private final EntityManager entityManager;

    public EventReplicas(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Says whether the snapshot was newer than what was held; the row stays locked until the commit. */
    @Transactional(TxType.MANDATORY)
    public <E extends EventReplica> boolean apply(Class<E> table, Supplier<E> newReplica, EventSnapshot snapshot) {
        // Locked, so that two deliveries of snapshots of one event cannot interleave.
        E held = entityManager.find(table, snapshot.id(), LockModeType.PESSIMISTIC_WRITE);
        if (held != null) {
            return held.apply(snapshot);
        }
        E replica = newReplica.get();
        replica.apply(snapshot);
        entityManager.persist(replica);
        return true;
    }
}
