package org.convene.registration.organiser;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.platform.consumer.ConsumedMessages;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps {@link EndedSessions} in step with the {@code sessions} topic. */
@ApplicationScoped
public class SessionEndedConsumer {

    private final ConsumedMessages messages;
    private final EndedSessions endedSessions;

    public SessionEndedConsumer(ConsumedMessages messages, EndedSessions endedSessions) {
        this.messages = messages;
        this.endedSessions = endedSessions;
    }

    /** In a transaction of its own (see {@link ConsumedMessages#applyOne}). */
    @Incoming("sessions")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        messages.applyOne(record, r -> messages.read(MessageType.SESSION_ENDED, r)
                .ifPresent(ended -> endedSessions.record(ended.payload())));
    }
}
