package org.convene.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.convene.notification.schedule.EmailSchedule;
import org.convene.notification.schedule.Reminders;
import org.convene.notification.unsubscribe.Unsubscriptions;
import org.convene.platform.consumer.ConsumedMessages;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code registrations}: keeps the recipient, promises the email a change calls for and plans
 * or withdraws reminders; an erasure forgets the person.
 */
@ApplicationScoped
public class RegistrationConsumer {

    private static final Logger LOG = Logger.getLogger(RegistrationConsumer.class);

    private final ConsumedMessages messages;
    private final Recipients recipients;
    private final EmailSchedule schedule;
    private final Reminders reminders;
    private final RegistrationEraser eraser;
    private final Unsubscriptions unsubscriptions;

    public RegistrationConsumer(ConsumedMessages messages, Recipients recipients, EmailSchedule schedule,
            Reminders reminders, RegistrationEraser eraser, Unsubscriptions unsubscriptions) {
        this.messages = messages;
        this.recipients = recipients;
        this.schedule = schedule;
        this.reminders = reminders;
        this.eraser = eraser;
        this.unsubscriptions = unsubscriptions;
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
                case RegistrationChanged change -> changed(change, record);
                case RegistrationErased erased -> eraser.erase(erased);
            }
        });
    }

    private void changed(RegistrationChanged change, ConsumerRecord<String, String> record) {
        if (!Recipients.hasOneAddress(change)) {
            LOG.warnf("Skipping registration %s: its address is not one address (partition %d, offset %d)",
                    change.registrationId(), record.partition(), record.offset());
            return;
        }
        // An erasure comes as its own message, without the person; this state carries nothing to keep.
        if (change.state() == RegistrationState.ERASED || !recipients.take(change)) {
            return;
        }
        // Registering again asks for the confirmation again: the request's number keeps it distinct,
        // while a redelivered message repeats its number and so its key.
        String request = change.confirmationRequest() == 1 ? null : String.valueOf(change.confirmationRequest());
        switch (change.state()) {
            case REGISTERED -> {
                if (schedule.toOne(EmailKind.CONFIRMATION, change.registrationId(), change.eventId(), request)) {
                    unsubscriptions.lift(Recipient.findById(change.registrationId()));
                }
                reminders.planFor(change.registrationId(), change.eventId());
            }
            case WAITLISTED -> schedule.toOne(EmailKind.WAITLISTED, change.registrationId(), change.eventId(), request);
            case PROMOTED -> {
                schedule.toOne(EmailKind.PROMOTED, change.registrationId(), change.eventId(), null);
                reminders.planFor(change.registrationId(), change.eventId());
            }
            case CANCELLED -> schedule.withdrawPendingFor(change.registrationId());
            case ATTENDED, ERASED -> {
                // Attendance is marked on the recipient and calls for no email.
            }
        }
    }
}
