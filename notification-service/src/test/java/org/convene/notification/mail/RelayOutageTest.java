package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.AdjustableClock;
import org.convene.localstack.FaultySmtp;
import org.convene.notification.Events;
import org.convene.notification.ScheduledEmails;
import org.convene.notification.TopicsAndMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A relay that refuses every session for ten hours, on the service's own clock: far beyond the old budget
 * of five tries in seven and a half minutes. The production settings of retries and pauses apply; only
 * a connection per email, so that every try is a session the relay can be seen to refuse.
 */
@QuarkusTest
@TestProfile(RelayOutageTest.RelayAway.class)
class RelayOutageTest {

    public static class RelayAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.keep-alive", "false");
        }
    }

    private static final Duration STEP = Duration.ofMinutes(30);
    private static final int STEPS = 20;

    @Inject
    TopicsAndMailbox ends;

    @Inject
    AdjustableClock clock;

    FaultySmtp smtp;

    @AfterEach
    void faithfulAgain() {
        smtp.reset();
    }

    @Test
    void aRelayAwayForTenHoursLosesNothingCostsAProbeAPauseAndEveryEmailGoesOnceItIsBack() {
        smtp.refuseNext(1_000_000);
        EventSnapshot event = ends.publish(Events.at("Relay away", ends.inLondon(Duration.ofDays(10))));
        List<String> addresses = IntStream.range(0, 3).mapToObj(i -> TopicsAndMailbox.uniqueAddress()).toList();
        List<UUID> registrations = addresses.stream().map(address -> register(event, address)).toList();
        // Every confirmation promised, and the relay found away: emails promised after that wait for the probes.
        for (UUID registration : registrations) {
            await().atMost(TopicsAndMailbox.PATIENCE).until(() -> ScheduledEmails.of(registration).stream()
                    .anyMatch(email -> email.kind == EmailKind.CONFIRMATION));
        }
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> registrations.stream()
                .anyMatch(registration -> confirmation(registration).attempts >= 1));

        int sessions = smtp.sessions();
        for (int step = 0; step < STEPS; step++) {
            // Counted before the clock moves: the dispatcher may probe the moment it does.
            int before = tries(registrations);
            clock.advance(STEP);
            // One probe once each pause is over: never every email's tries. Awaited until its outcome is
            // recorded, not only until the relay saw it: a probe recorded after the next move of the clock
            // would open the breaker from that later instant, and the next step would find no probe due.
            await().atMost(TopicsAndMailbox.PATIENCE).until(() -> tries(registrations) > before);
        }
        assertThat(smtp.sessions() - sessions).as("sessions while the relay was away").isLessThanOrEqualTo(STEPS + 1);
        // Still being tried (the last probe's outcome may not be recorded yet): none given up on, none sent.
        assertThat(registrations).allSatisfy(registration -> assertThat(confirmation(registration).status)
                .as("ten hours on").isIn(EmailStatus.PENDING, EmailStatus.SENDING));
        assertThat(addresses).allSatisfy(address -> assertThat(ends.mailbox().to(address)).isEmpty());

        smtp.reset();
        clock.advance(STEP);

        for (int i = 0; i < addresses.size(); i++) {
            assertThat(ends.awaitMails(addresses.get(i), 1)).hasSize(1);
            assertThat(ScheduledEmails.awaitEmail(registrations.get(i), EmailKind.CONFIRMATION, EmailStatus.SENT))
                    .isNotNull();
        }
        ends.awaitDispatched();
        assertThat(addresses).allSatisfy(address -> assertThat(ends.mailbox().to(address)).hasSize(1));
    }

    private UUID register(EventSnapshot event, String email) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Hana Condori", email,
                "en", null));
        return registration;
    }

    private static int tries(List<UUID> registrations) {
        return registrations.stream().mapToInt(registration -> confirmation(registration).attempts).sum();
    }

    private static ScheduledEmail confirmation(UUID registration) {
        return ScheduledEmails.of(registration).stream().filter(email -> email.kind == EmailKind.CONFIRMATION)
                .findFirst().orElseThrow();
    }
}
