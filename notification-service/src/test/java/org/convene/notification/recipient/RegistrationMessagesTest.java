package org.convene.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.convene.contracts.MessageType;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.convene.notification.TopicWriter;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.mail.ScheduledEmail;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Registering again asks for the confirmation again, once per request; an erased registrant is
 * forgotten, and nothing about them is sent afterwards.
 */
@QuarkusTest
class RegistrationMessagesTest {

    @Inject
    TopicsAndMailbox ends;

    @Test
    void registeringAgainSendsTheConfirmationAgainButARedeliveryDoesNot() {
        UUID eventId = ends.publishEvent("Registered again").id();
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = UUID.randomUUID();
        RecordMetadata first = send(changed(registration, eventId, email, 1));
        ends.awaitMails(email, 1);

        int partition = first.partition();
        send(partition, changed(registration, eventId, email, 2));
        ends.awaitMails(email, 2);
        send(partition, changed(registration, eventId, email, 2));
        send(partition, changed(registration, eventId, email, 1));
        barrier(partition, eventId);

        assertThat(ends.mailbox().to(email)).hasSize(2);
    }

    @Test
    void anErasedRegistrantIsForgottenAndNothingIsSentAboutThemAfterwards() {
        UUID eventId = ends.publishEvent("Erased").id();
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = UUID.randomUUID();
        int partition = send(changed(registration, eventId, email, 1)).partition();
        ends.awaitMails(email, 1);

        ends.topics().send(MessageType.REGISTRATION_ERASED, partition, registration.toString(),
                new RegistrationErased(registration, eventId, Instant.now()),
                TopicWriter.attributes(MessageType.REGISTRATION_ERASED));
        // Read again later (a redelivery, a consumer reset): still nothing.
        send(partition, changed(registration, eventId, email, 2));
        barrier(partition, eventId);

        assertThat(ends.mailbox().to(email)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.count("registrationId", registration)))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Recipient.count("email", email))).isZero();
    }

    /** A later registration on the same partition: once its email is out, the earlier messages were read. */
    private void barrier(int partition, UUID eventId) {
        String later = TopicsAndMailbox.uniqueAddress();
        send(partition, changed(UUID.randomUUID(), eventId, later, 1));
        ends.awaitMails(later, 1);
    }

    private static RegistrationChanged changed(UUID registration, UUID eventId, String email, int request) {
        return new RegistrationChanged(registration, eventId, RegistrationState.REGISTERED, "Rosa Mamani", email, "en",
                Instant.now(), "America/La_Paz", null, request, null);
    }

    private RecordMetadata send(RegistrationChanged change) {
        return ends.topics().send(MessageType.REGISTRATION_CHANGED, change.registrationId().toString(), change);
    }

    private RecordMetadata send(int partition, RegistrationChanged change) {
        return ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, change.registrationId().toString(), change,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));
    }
}
