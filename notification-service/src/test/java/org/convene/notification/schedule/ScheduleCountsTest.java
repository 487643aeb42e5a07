package org.convene.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.TopicProbe;
import org.convene.notification.Events;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.mail.EmailStatus;
import org.convene.notification.mail.ScheduledEmail;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What {@code deliveries} tells events-service adds up: per kind, the emails promised less those taken
 * back, less the outcomes, is what the schedule still holds, through registering, cancelling and a
 * new time.
 */
@QuarkusTest
class ScheduleCountsTest {

    @Inject
    TopicsAndMailbox ends;

    @Inject
    MessageCodec codec;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void promisedLessTakenBackLessDoneIsWhatIsStillToSend() {
        ZonedDateTime start = ZonedDateTime.now(TopicsAndMailbox.LONDON).plusDays(3).withSecond(0).withNano(0);
        EventSnapshot event = ends.publish(Events.at("Counted", start, 1440, 60));
        List<String> addresses = List.of(TopicsAndMailbox.uniqueAddress(), TopicsAndMailbox.uniqueAddress(),
                TopicsAndMailbox.uniqueAddress());
        List<UUID> registrations = addresses.stream().map(address -> {
            UUID id = UUID.randomUUID();
            ends.send(TopicsAndMailbox.change(id, event.id(), RegistrationState.REGISTERED, "Ada Lima", address, "en",
                    null));
            return id;
        }).toList();
        addresses.forEach(address -> ends.awaitMails(address, 1));
        ends.send(TopicsAndMailbox.change(registrations.get(0), event.id(), RegistrationState.CANCELLED, "Ada Lima",
                addresses.get(0), "en", null));
        ends.publish(Events.next(event, EventStatus.RESCHEDULED, start.plusDays(1), "A bigger hall.", null));
        // Those still registered hear of the new time.
        addresses.subList(1, 3).forEach(address -> ends.awaitMails(address, 2));

        Map<EmailKind, Integer> expected = Map.of(EmailKind.CONFIRMATION, 0, EmailKind.RESCHEDULED, 0,
                EmailKind.REMINDER, 4);
        await().atMost(TopicsAndMailbox.PATIENCE).untilAsserted(() -> {
            Map<EmailKind, Integer> pending = pendingByKind(event.id());
            assertThat(fromTheTopic(event.id())).isEqualTo(pending);
            assertThat(pending).isEqualTo(expected);
        });
    }

    /** Promised, less taken back, less every outcome, per kind, from the deliveries topic alone. */
    private Map<EmailKind, Integer> fromTheTopic(UUID eventId) {
        Map<EmailKind, Integer> pending = new EnumMap<>(EmailKind.class);
        for (ConsumerRecord<String, String> record : TopicProbe.readAll(kafka, Topics.DELIVERIES)) {
            EmailsCounted counted = codec.read(MessageType.EMAILS_COUNTED, record).payload();
            if (counted.eventId().equals(eventId)) {
                int done = Arrays.stream(DeliveryOutcome.values()).mapToInt(counted::count).sum();
                pending.merge(counted.kind(), counted.promised() - done, Integer::sum);
            }
        }
        return pending;
    }

    private Map<EmailKind, Integer> pendingByKind(UUID eventId) {
        List<ScheduledEmail> rows = QuarkusTransaction.requiringNew()
                .call(() -> ScheduledEmail.<ScheduledEmail> list("eventId", eventId));
        Map<EmailKind, Integer> pending = new EnumMap<>(EmailKind.class);
        for (ScheduledEmail row : rows) {
            pending.merge(row.kind, row.status == EmailStatus.PENDING ? 1 : 0, Integer::sum);
        }
        return pending;
    }
}
