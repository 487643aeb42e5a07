package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationState;
import org.convene.notification.Events;
import org.convene.notification.TopicsAndMailbox;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * More emails due at once than a batch holds: the dispatcher claims the next batch while the last is
 * at the SMTP server, and every batch, the last one too, is sent once and recorded, its outcomes told
 * to {@code deliveries} in one message.
 */
@QuarkusTest
@TestProfile(BatchedDispatchTest.SmallBatches.class)
class BatchedDispatchTest {

    private static final int BATCH = 3;
    private static final int EMAILS = 3 * BATCH + 1;

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convene.mail.batch-size", String.valueOf(BATCH));
        }
    }

    @Inject
    TopicsAndMailbox ends;

    /**
     * The registrations come before their event: their confirmations wait, promised but not sendable,
     * until the event is known, and then all fall due in the same commit.
     */
    @Test
    void emailsDueTogetherAreSentInSeveralBatchesEachOnceAndAllRecorded() {
        EventSnapshot event = Events.at("Several batches", ZonedDateTime.now(TopicsAndMailbox.LONDON).plusDays(10)
                .withNano(0));
        List<UUID> registrations = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < EMAILS; i++) {
            UUID registration = UUID.randomUUID();
            String address = TopicsAndMailbox.uniqueAddress();
            ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Hana Condori",
                    address, "en", null));
            registrations.add(registration);
            addresses.add(address);
        }
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> confirmations(registrations, EmailStatus.PENDING) == EMAILS);

        ends.publish(event);

        // A last batch left unrecorded would stay claimed (SENDING) for its whole lease, longer than this wait.
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> confirmations(registrations, EmailStatus.SENT) == EMAILS);
        for (String address : addresses) {
            assertThat(ends.mailbox().to(address)).hasSize(1);
        }
        // Each batch's outcomes are told as one message, not one per email.
        List<EmailsCounted> told = await().atMost(TopicsAndMailbox.PATIENCE).until(
                () -> ends.countsOf(event.id()).stream().filter(counted -> counted.sent() > 0).toList(),
                sent -> sent.stream().mapToInt(EmailsCounted::sent).sum() == EMAILS);
        assertThat(told).hasSizeLessThanOrEqualTo((EMAILS + BATCH - 1) / BATCH);
    }

    private static long confirmations(List<UUID> registrations, EmailStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.count(
                "registrationId in ?1 and kind = ?2 and status = ?3", registrations, EmailKind.CONFIRMATION, status));
    }
}
