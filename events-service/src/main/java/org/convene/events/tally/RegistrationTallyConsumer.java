package org.convene.events.tally;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.convene.platform.consumer.ConsumedMessages;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps each registration's latest state from {@code registrations}, dropping name and address on
 * the way in. A redelivered or older message changes nothing: a state counts only if it is newer.
 */
@ApplicationScoped
public class RegistrationTallyConsumer {

    private final ConsumedMessages messages;
    private final RegistrationActivity activity;

    public RegistrationTallyConsumer(ConsumedMessages messages, RegistrationActivity activity) {
        this.messages = messages;
        this.activity = activity;
    }

    /** A poll at a time, in one transaction (see {@link ConsumedMessages#applyAll}). */
    @Incoming("registrations")
    @Blocking
    public void applyAll(ConsumerRecords<String, String> records) {
        messages.applyAll(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        messages.readAny(MessageType.REGISTRATION_MESSAGES, record).ifPresent(received -> {
            switch (received.payload()) {
                case RegistrationChanged change -> apply(change.registrationId(), change.eventId(), change.state(),
                        change.occurredAt());
                // Counted as a state of its own: the organiser's figures stay whole, and nobody is named.
                case RegistrationErased erased -> apply(erased.registrationId(), erased.eventId(),
                        RegistrationState.ERASED, erased.occurredAt());
            }
        });
    }

    private void apply(UUID registrationId, UUID eventId, RegistrationState state, Instant occurredAt) {
        RegistrationTally held = RegistrationTally.findById(registrationId, LockModeType.PESSIMISTIC_WRITE);
        if (held == null) {
            held = new RegistrationTally();
            held.registrationId = registrationId;
            held.eventId = eventId;
            held.state = state;
            held.occurredAt = occurredAt;
            held.persist();
            activity.record(eventId, state, occurredAt);
        } else if (occurredAt.isAfter(held.occurredAt)) {
            if (held.state != state) {
                activity.record(eventId, state, occurredAt);
            }
            held.state = state;
            held.occurredAt = occurredAt;
        }
    }
}
