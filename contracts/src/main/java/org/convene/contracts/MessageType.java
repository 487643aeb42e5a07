package org.convene.contracts;

import org.convene.contracts.delivery.DeliveryMessage;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.delivery.EmailsScheduled;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.mailing.EmailsResendRequested;
import org.convene.contracts.mailing.MailingMessage;
import org.convene.contracts.mailing.MailingRequested;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationMessage;
import org.convene.contracts.session.SessionEnded;

/**
 * One kind of message: its CloudEvents type, the topic it travels on, the record that holds it and
 * the JSON Schema that describes it. A change that is not backward compatible is a new type.
 */
public record MessageType<T>(String ceType, String topic, Class<T> payload, String schema) {

    public static final MessageType<EventSnapshot> EVENT_SNAPSHOT = new MessageType<>(
            "org.convene.event.snapshot.v1", Topics.EVENTS, EventSnapshot.class, "schemas/event-snapshot.v1.json");

    public static final MessageType<RegistrationChanged> REGISTRATION_CHANGED = new MessageType<>(
            "org.convene.registration.changed.v1", Topics.REGISTRATIONS, RegistrationChanged.class,
            "schemas/registration-changed.v1.json");

    public static final MessageType<RegistrationErased> REGISTRATION_ERASED = new MessageType<>(
            "org.convene.registration.erased.v1", Topics.REGISTRATIONS, RegistrationErased.class,
            "schemas/registration-erased.v1.json");

    public static final MessageType<DeliveryRecorded> DELIVERY_RECORDED = new MessageType<>(
            "org.convene.delivery.recorded.v1", Topics.DELIVERIES, DeliveryRecorded.class,
            "schemas/delivery-recorded.v1.json");

    public static final MessageType<EmailsCounted> EMAILS_COUNTED = new MessageType<>(
            "org.convene.emails.counted.v1", Topics.DELIVERIES, EmailsCounted.class,
            "schemas/emails-counted.v1.json");

    public static final MessageType<EmailsScheduled> EMAILS_SCHEDULED = new MessageType<>(
            "org.convene.emails.scheduled.v1", Topics.DELIVERIES, EmailsScheduled.class,
            "schemas/emails-scheduled.v1.json");

    public static final MessageType<MailingRequested> MAILING_REQUESTED = new MessageType<>(
            "org.convene.mailing.requested.v1", Topics.MAILINGS, MailingRequested.class,
            "schemas/mailing-requested.v1.json");

    public static final MessageType<EmailsResendRequested> EMAILS_RESEND_REQUESTED = new MessageType<>(
            "org.convene.emails.resend.requested.v1", Topics.MAILINGS, EmailsResendRequested.class,
            "schemas/emails-resend-requested.v1.json");

    public static final MessageType<SessionEnded> SESSION_ENDED = new MessageType<>(
            "org.convene.session.ended.v1", Topics.SESSIONS, SessionEnded.class, "schemas/session-ended.v1.json");

    /** What the {@code mailings} topic carries. */
    public static final java.util.List<MessageType<? extends MailingMessage>> MAILING_MESSAGES = java.util.List
            .of(MAILING_REQUESTED, EMAILS_RESEND_REQUESTED);

    /** What the {@code deliveries} topic carries. */
    public static final java.util.List<MessageType<? extends DeliveryMessage>> DELIVERY_MESSAGES = java.util.List
            .of(EMAILS_COUNTED, DELIVERY_RECORDED, EMAILS_SCHEDULED);

    /** What the {@code registrations} topic carries. */
    public static final java.util.List<MessageType<? extends RegistrationMessage>> REGISTRATION_MESSAGES = java.util.List
            .of(REGISTRATION_CHANGED, REGISTRATION_ERASED);

    public static java.util.List<MessageType<?>> all() {
        return java.util.List.of(EVENT_SNAPSHOT, REGISTRATION_CHANGED, REGISTRATION_ERASED, EMAILS_COUNTED,
                DELIVERY_RECORDED, EMAILS_SCHEDULED, MAILING_REQUESTED, EMAILS_RESEND_REQUESTED, SESSION_ENDED);
    }
}
