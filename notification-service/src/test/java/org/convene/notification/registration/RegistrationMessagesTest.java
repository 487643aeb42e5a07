package org.convene.notification.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.localstack.CapturedMailbox;
import org.convene.notification.TopicWriter;
import org.convene.notification.mail.ScheduledEmail;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Registering again asks for the confirmation again, once per request; an erased registrant is
 * forgotten, and nothing about them is sent afterwards.
 */
@QuarkusTest
class RegistrationMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "local-stack.mail-page")
    String mailPage;

    @Inject
    MessageCodec codec;

    private TopicWriter topics;
    private CapturedMailbox mailbox;

    @BeforeEach
    void connect() {
        topics = new TopicWriter(kafka, codec);
        mailbox = new CapturedMailbox(mailPage);
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    @Test
    void registeringAgainSendsTheConfirmationAgainButARedeliveryDoesNot() {
        UUID eventId = publishEvent();
        String email = address();
        UUID registration = UUID.randomUUID();
        RecordMetadata first = send(changed(registration, eventId, email, 1));
        awaitMails(email, 1);

        int partition = first.partition();
        send(partition, changed(registration, eventId, email, 2));
        awaitMails(email, 2);
        send(partition, changed(registration, eventId, email, 2));
        send(partition, changed(registration, eventId, email, 1));
        barrier(partition, eventId);

        assertThat(mailbox.to(email)).hasSize(2);
    }

    @Test
    void anErasedRegistrantIsForgottenAndNothingIsSentAboutThemAfterwards() {
        UUID eventId = publishEvent();
        String email = address();
        UUID registration = UUID.randomUUID();
        int partition = send(changed(registration, eventId, email, 1)).partition();
        awaitMails(email, 1);

        topics.send(MessageType.REGISTRATION_ERASED, partition, registration.toString(),
                new RegistrationErased(registration, eventId, Instant.now()),
                TopicWriter.attributes(MessageType.REGISTRATION_ERASED));
        // Read again later (a redelivery, a consumer reset): still nothing.
        send(partition, changed(registration, eventId, email, 2));
        barrier(partition, eventId);

        assertThat(mailbox.to(email)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.count("registrationId", registration)))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.count("recipientEmail", email)))
                .isZero();
    }

    /** A later registration on the same partition: once its email is out, the earlier messages were read. */
    private void barrier(int partition, UUID eventId) {
        String later = address();
        send(partition, changed(UUID.randomUUID(), eventId, later, 1));
        awaitMails(later, 1);
    }

    private List<CapturedMail> awaitMails(String email, int count) {
        return await().atMost(PATIENCE).until(() -> mailbox.to(email), mails -> mails.size() >= count);
    }

    private UUID publishEvent() {
        UUID id = UUID.randomUUID();
        topics.send(MessageType.EVENT_SNAPSHOT, id.toString(), new EventSnapshot(id, 1, EventStatus.PUBLISHED,
                "Registered again", LocalDate.now(LONDON).plusDays(30).atTime(18, 30).atZone(LONDON).toOffsetDateTime(),
                LONDON.getId(), 60, "https://meet.example.org/" + id));
        return id;
    }

    private static RegistrationChanged changed(UUID registration, UUID eventId, String email, int request) {
        return new RegistrationChanged(registration, eventId, RegistrationState.REGISTERED, "Rosa Mamani", email, "en",
                Instant.now(), "America/La_Paz", null, request);
    }

    private RecordMetadata send(RegistrationChanged change) {
        return topics.send(MessageType.REGISTRATION_CHANGED, change.registrationId().toString(), change);
    }

    private RecordMetadata send(int partition, RegistrationChanged change) {
        return topics.send(MessageType.REGISTRATION_CHANGED, partition, change.registrationId().toString(), change,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));
    }

    private static String address() {
        return "registrant-" + UUID.randomUUID() + "@example.org";
    }
}
