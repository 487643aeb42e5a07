package org.convene.notification.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.notification.mail.ConfirmationScheduler;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Reads {@code registrations}: a state change may need an email; an erasure forgets the person. */
@ApplicationScoped
public class RegistrationConsumer {

    private final MessageCodec codec;
    private final ConfirmationScheduler confirmations;
    private final RegistrationEraser eraser;

    public RegistrationConsumer(MessageCodec codec, ConfirmationScheduler confirmations, RegistrationEraser eraser) {
        this.codec = codec;
        this.confirmations = confirmations;
        this.eraser = eraser;
    }

    @Incoming("registrations")
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        codec.readAnyOrSkip(MessageType.REGISTRATION_MESSAGES, record).ifPresent(received -> {
            switch (received.payload()) {
                case RegistrationChanged change -> confirmations.schedule(change, record);
                case RegistrationErased erased -> eraser.erase(erased);
            }
        });
    }
}
