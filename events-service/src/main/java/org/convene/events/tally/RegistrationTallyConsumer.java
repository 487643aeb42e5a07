package org.convene.events.tally;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.registration.RegistrationChanged;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps each registration's latest state from {@code registrations}, dropping name and address on
 * the way in. A redelivered or older message changes nothing: a state counts only if it is newer.
 */
@ApplicationScoped
public class RegistrationTallyConsumer {

    private final MessageCodec codec;
    private final RegistrationActivity activity;

    public RegistrationTallyConsumer(MessageCodec codec, RegistrationActivity activity) {
        this.codec = codec;
        this.activity = activity;
    }

    @Incoming("registrations")
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        codec.readOrSkip(MessageType.REGISTRATION_CHANGED, record).ifPresent(received -> apply(received.payload()));
    }

    private void apply(RegistrationChanged change) {
        RegistrationTally held = RegistrationTally.findById(change.registrationId(), LockModeType.PESSIMISTIC_WRITE);
        if (held == null) {
            held = new RegistrationTally();
            held.registrationId = change.registrationId();
            held.eventId = change.eventId();
            held.state = change.state();
            held.occurredAt = change.occurredAt();
            held.persist();
            activity.record(change.eventId(), change.state(), change.occurredAt());
        } else if (change.occurredAt().isAfter(held.occurredAt)) {
            if (held.state != change.state()) {
                activity.record(change.eventId(), change.state(), change.occurredAt());
            }
            held.state = change.state();
            held.occurredAt = change.occurredAt();
        }
    }
}
