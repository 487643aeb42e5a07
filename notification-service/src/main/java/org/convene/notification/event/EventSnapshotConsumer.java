package org.convene.notification.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.event.EventSnapshot;
import org.convene.platform.consumer.ConsumedMessages;
import org.convene.platform.event.EventReplicas;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps {@link KnownEvent} in step with the {@code events} topic, and lets registrants know what changed. */
@ApplicationScoped
public class EventSnapshotConsumer {

    private final ConsumedMessages messages;
    private final EventReplicas replicas;
    private final EntityManager entityManager;
    private final EventChanges changes;

    public EventSnapshotConsumer(ConsumedMessages messages, EventReplicas replicas, EntityManager entityManager,
            EventChanges changes) {
        this.messages = messages;
        this.replicas = replicas;
        this.entityManager = entityManager;
        this.changes = changes;
    }

    /** In a transaction of its own (see {@link ConsumedMessages#applyOne}). */
    @Incoming("events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        messages.applyOne(record, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        messages.read(MessageType.EVENT_SNAPSHOT, record).ifPresent(received -> apply(received.payload()));
    }

    private void apply(EventSnapshot snapshot) {
        // Locked before it is read, so that what it was is still what it was when the snapshot applies.
        KnownEvent held = entityManager.find(KnownEvent.class, snapshot.id(), LockModeType.PESSIMISTIC_WRITE);
        EventChanges.Before before = held == null ? null : EventChanges.Before.of(held);
        if (replicas.apply(KnownEvent.class, KnownEvent::new, snapshot)) {
            changes.applied(before, entityManager.find(KnownEvent.class, snapshot.id()));
        }
    }
}
