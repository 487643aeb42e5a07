package org.convene.notification.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.event.EventReplicas;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps {@link KnownEvent} in step with the {@code events} topic. */
@ApplicationScoped
public class EventSnapshotConsumer {

    private final MessageCodec codec;
    private final EventReplicas replicas;

    public EventSnapshotConsumer(MessageCodec codec, EventReplicas replicas) {
        this.codec = codec;
        this.replicas = replicas;
    }

    @Incoming("events")
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        codec.readOrSkip(MessageType.EVENT_SNAPSHOT, record)
                .ifPresent(snapshot -> replicas.apply(KnownEvent.class, KnownEvent::new, snapshot.payload()));
    }
}
