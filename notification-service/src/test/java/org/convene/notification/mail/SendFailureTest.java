package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.TopicProbe;
import org.convene.notification.TopicWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A send that never completes in time is retried, then given up on and reported as failed. */
@QuarkusTest
@TestProfile(SendFailureTest.SmtpTooSlow.class)
class SendFailureTest {

    /** No SMTP exchange finishes within a microsecond, so every attempt times out; retries are immediate. */
    public static class SmtpTooSlow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "convene.mail.send-timeout", "PT0.000001S",
                    "convene.mail.retry-backoff", "PT0S",
                    "convene.mail.max-attempts", "3");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MessageCodec codec;

    @Test
    void aSendThatKeepsFailingIsGivenUpOnAfterTheLastAttemptAndRecordedAsFailed() throws Exception {
        UUID eventId = UUID.randomUUID();
        var registration = new RegistrationChanged(UUID.randomUUID(), eventId, RegistrationState.REGISTERED,
                "Hana Condori", "registrant-" + UUID.randomUUID() + "@example.org", "en", Instant.now(), null, null, null);
        try (TopicWriter topics = new TopicWriter(kafka, codec)) {
            topics.send(MessageType.EVENT_SNAPSHOT, eventId.toString(), new EventSnapshot(eventId, 2,
                    EventStatus.PUBLISHED, "Never on time", OffsetDateTime.now().plusDays(10), "Europe/London", 60,
                    "https://meet.example.org/" + eventId));
            topics.send(MessageType.REGISTRATION_CHANGED, registration.registrationId().toString(), registration);
        }

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveriesOf(registration.registrationId()), list -> !list.isEmpty()).get(0);
        assertThat(new ObjectMapper().readTree(record.value()).get("outcome").asText()).isEqualTo("FAILED");

        ScheduledEmail email = QuarkusTransaction.requiringNew()
                .call(() -> ScheduledEmail.<ScheduledEmail> find("registrationId = ?1 and kind = ?2", registration.registrationId(),
                        EmailKind.CONFIRMATION)
                        .singleResult());
        assertThat(email.status).isEqualTo(EmailStatus.FAILED);
        assertThat(email.attempts).isEqualTo(3);
        assertThat(email.sentAt).isNull();
        assertThat(email.lastError).contains("Timeout");
    }

    private List<ConsumerRecord<String, String>> deliveriesOf(UUID registration) {
        return TopicProbe.readAll(kafka, Topics.DELIVERIES).stream()
                .filter(r -> registration.toString().equals(r.key())).toList();
    }
}
