package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.mailing.EmailsResendRequested;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.FaultySmtp;
import org.convene.notification.Events;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.recipient.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The real SMTP server behind a proxy that fails on demand: refusals, a connection lost in the middle
 * of a message, a server that never answers. Each email arrives once, or is given up on and reported.
 */
@QuarkusTest
@TestProfile(SmtpFaultsTest.FlakySmtp.class)
class SmtpFaultsTest {

    /**
     * Quick retries, a short timeout, and a new connection per email, so that a fault armed for the
     * next session is met by the next email and not skipped by a pooled connection.
     */
    public static class FlakySmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "convene.mail.send-timeout", "PT2S",
                    "convene.mail.retry.first-pause", "PT0.1S",
                    "convene.mail.retry.max-pause", "PT1S",
                    "convene.mail.retry.lifetime", "PT6S",
                    "convene.mail.retry.relay-first-pause", "PT0.2S",
                    "convene.mail.retry.relay-max-pause", "PT1S",
                    "quarkus.mailer.keep-alive", "false");
        }
    }

    @Inject
    TopicsAndMailbox ends;

    FaultySmtp smtp;

    @Inject
    EntityManager entityManager;

    /** A fault is met by whichever email goes next: none from an earlier test may still be going. */
    @BeforeEach
    void nothingElseToSend() {
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ((Number) entityManager.createNativeQuery("""
                        select count(*) from scheduled_email
                        where status = 'SENDING' or (status = 'PENDING' and due_at <= now())""")
                        .getSingleResult()).intValue()) == 0);
    }

    @AfterEach
    void faithfulAgain() {
        smtp.reset();
    }

    @Test
    void aServerThatRefusesAtFirstGetsTheEmailOnceItRecovers() {
        EventSnapshot event = ends.publish(event("Refused twice"));
        String email = TopicsAndMailbox.uniqueAddress();
        smtp.refuseNext(2);

        UUID registration = register(event, email);

        assertThat(ends.awaitMails(email, 1)).hasSize(1);
        ScheduledEmail sent = awaitConfirmation(registration, EmailStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(sent.lastError).contains("421");
        assertThat(ends.mailbox().to(email)).hasSize(1);
    }

    @Test
    void aConnectionLostInTheMiddleOfTheMessageIsRetriedAndTheEmailArrivesOnce() {
        EventSnapshot event = ends.publish(event("Dropped"));
        String email = TopicsAndMailbox.uniqueAddress();
        smtp.dropNextAtData(1);

        UUID registration = register(event, email);

        assertThat(ends.awaitMails(email, 1)).hasSize(1);
        assertThat(awaitConfirmation(registration, EmailStatus.SENT).attempts).isEqualTo(1);
        assertThat(ends.mailbox().to(email)).hasSize(1);
    }

    /**
     * The one window for a duplicate (docs/architecture.md): the server took the message, but the reply was lost, so
     * the email is sent again. Both copies carry the scheduled email's own Message-ID.
     */
    @Test
    void aReplyLostAfterTheServerTookTheMessageSendsItAgainWithTheSameMessageId() {
        EventSnapshot event = ends.publish(event("Reply lost"));
        String email = TopicsAndMailbox.uniqueAddress();
        smtp.acceptThenDropNext(1);

        UUID registration = register(event, email);

        ScheduledEmail sent = awaitConfirmation(registration, EmailStatus.SENT);
        assertThat(ends.awaitMails(email, 2)).extracting(mail -> mail.header("message-id"))
                .containsExactly("<" + sent.id + "@convene.example>", "<" + sent.id + "@convene.example>");
    }

    /** Given up on once its lifetime (6 s here, days in production) is over, not after a count of tries. */
    @Test
    void aServerThatNeverAnswersIsGivenUpOnAndReportedWhileRegistrationsGoOnBeingTaken() {
        EventSnapshot event = ends.publish(event("Hung"));
        String first = TopicsAndMailbox.uniqueAddress();
        smtp.hang(true);

        UUID registration = register(event, first);

        ScheduledEmail failed = awaitConfirmation(registration, EmailStatus.FAILED);
        assertThat(failed.attempts).isGreaterThanOrEqualTo(2);
        assertThat(failed.lastError).contains("Timeout");
        await().atMost(TopicsAndMailbox.PATIENCE)
                .until(() -> ends.counted(event.id(), EmailKind.CONFIRMATION, DeliveryOutcome.FAILED) >= 1);

        // The consumer was never held up by the dispatcher: a registration still becomes a recipient.
        String second = TopicsAndMailbox.uniqueAddress();
        UUID next = register(event, second);
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Recipient.findById(next) != null));

        smtp.hang(false);
        assertThat(ends.awaitMails(second, 1)).hasSize(1);
        assertThat(ends.mailbox().to(first)).isEmpty();
    }

    /** Once the cause is fixed, an email given up on goes when asked, and only once however often asked. */
    @Test
    void aFailedEmailIsSentOnceMoreOnRequestAndNeverTwice() {
        EventSnapshot event = ends.publish(event("Failed, then resent"));
        String email = TopicsAndMailbox.uniqueAddress();
        smtp.hang(true);
        UUID registration = register(event, email);
        ScheduledEmail failed = awaitConfirmation(registration, EmailStatus.FAILED);
        assertThat(failed.failedAt).isNotNull();
        smtp.hang(false);

        EmailsResendRequested request = new EmailsResendRequested(UUID.randomUUID(), event.id(), EmailKind.CONFIRMATION,
                failed.failedAt.minusSeconds(60), null, Instant.now());
        ends.topics().send(MessageType.EMAILS_RESEND_REQUESTED, event.id().toString(), request);

        assertThat(ends.awaitMails(email, 1)).hasSize(1);
        ScheduledEmail sent = awaitConfirmation(registration, EmailStatus.SENT);
        assertThat(sent.resentAt).isNotNull();
        // The same request read again, and a new one: nothing more for an email resent once.
        ends.topics().send(MessageType.EMAILS_RESEND_REQUESTED, event.id().toString(), request);
        ends.topics().send(MessageType.EMAILS_RESEND_REQUESTED, event.id().toString(),
                new EmailsResendRequested(UUID.randomUUID(), event.id(), null, null, null, Instant.now()));
        ends.awaitDispatched();
        assertThat(ends.mailbox().to(email)).hasSize(1);
    }

    @Test
    void aServerThatHangsForAWhileGetsTheEmailOnceWhenItAnswersAgain() {
        EventSnapshot event = ends.publish(event("Hung for a while"));
        String email = TopicsAndMailbox.uniqueAddress();
        smtp.hang(true);

        UUID registration = register(event, email);
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> confirmation(registration),
                row -> row != null && row.attempts >= 1);
        smtp.hang(false);

        assertThat(ends.awaitMails(email, 1)).hasSize(1);
        assertThat(awaitConfirmation(registration, EmailStatus.SENT).attempts).isBetween(1, 2);
        assertThat(ends.mailbox().to(email)).hasSize(1);
    }

    private static EventSnapshot event(String title) {
        // No reminders: each test is about the confirmation alone.
        return Events.at(title, ZonedDateTime.now(TopicsAndMailbox.LONDON).plusDays(10).withNano(0));
    }

    private UUID register(EventSnapshot event, String email) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Hana Condori", email,
                "en", null));
        return registration;
    }

    private ScheduledEmail awaitConfirmation(UUID registration, EmailStatus status) {
        return await().atMost(TopicsAndMailbox.PATIENCE).until(() -> confirmation(registration),
                email -> email != null && email.status == status);
    }

    private ScheduledEmail confirmation(UUID registration) {
        List<ScheduledEmail> rows = QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.list(
                "registrationId = ?1 and kind = ?2", registration, EmailKind.CONFIRMATION));
        return rows.isEmpty() ? null : rows.get(0);
    }
}
