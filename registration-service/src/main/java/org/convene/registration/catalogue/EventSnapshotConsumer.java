package org.convene.registration.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.platform.consumer.ConsumedMessages;
import org.convene.platform.event.EventReplicas;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps the catalogue in step with the {@code events} topic. */
@ApplicationScoped
public class EventSnapshotConsumer {

    private final ConsumedMessages messages;
    private final EventReplicas replicas;
    private final Event<CatalogueChanged> changed;

    public EventSnapshotConsumer(ConsumedMessages messages, EventReplicas replicas, Event<CatalogueChanged> changed) {
        this.messages = messages;
        this.replicas = replicas;
        this.changed = changed;
    }

    /** In a transaction of its own (see {@link ConsumedMessages#applyOne}). */
    @Incoming("events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        messages.applyOne(record, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        messages.read(MessageType.EVENT_SNAPSHOT, record).ifPresent(snapshot -> {
            if (replicas.apply(CatalogueEvent.class, CatalogueEvent::new, snapshot.payload())) {
                changed.fire(new CatalogueChanged(snapshot.payload().id()));
            }
        });
    }
}
