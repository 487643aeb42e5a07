package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.notification.Events;
import org.convene.notification.ScheduledEmails;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.event.KnownEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A registration and the event's change travel on two topics, and either may come first: a registrant
 * accepted just before registration-service saw the cancellation is only read here after the event's
 * cancellation went to everyone. Whatever the order, the registrant gets the email that matches the
 * event's latest state, and only that one (issue 19).
 */
@QuarkusTest
class LateRegistrationTest {

    @Inject
    TopicsAndMailbox ends;

    @Test
    void aRegistrationReadAfterTheCancellationGetsTheCancellationNotAConfirmation() {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = ends.publish(Events.at("Called off first", start, 60));
        ends.publish(Events.next(event, EventStatus.CANCELLED, start, "We could not keep the hall.", null));
        awaitKnown(event, EventStatus.CANCELLED);

        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email);

        assertThat(onlyMailTo(email).subject()).isEqualTo("Cancelled: Called off first");
        assertThat(ScheduledEmails.awaitEmail(registration, EmailKind.CONFIRMATION, EmailStatus.DROPPED)).isNotNull();
    }

    @Test
    void aRegistrationReadBeforeItsEventWhoseFirstWordIsTheCancellationGetsTheCancellation() {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = Events.at("Never heard of until cancelled", start, 60);
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email);
        ScheduledEmails.awaitEmail(registration, EmailKind.CONFIRMATION, EmailStatus.PENDING);

        ends.publish(Events.next(event, EventStatus.CANCELLED, start, "We could not keep the hall.", null));

        CapturedMail mail = onlyMailTo(email);
        assertThat(mail.subject()).isEqualTo("Cancelled: Never heard of until cancelled");
        assertThat(mail.text()).contains("We could not keep the hall.").doesNotContain("/join/");
    }

    @Test
    void aRegistrationReadAfterTheRecordingGetsTheFollowUpNotAConfirmation() {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(-1));
        EventSnapshot event = ends.publish(Events.at("Recorded first", start, 60));
        ends.publish(Events.next(event, EventStatus.COMPLETED, start, null, "https://video.example.org/recorded"));
        awaitKnown(event, EventStatus.COMPLETED);

        String email = TopicsAndMailbox.uniqueAddress();
        register(event, email);

        CapturedMail mail = onlyMailTo(email);
        assertThat(mail.subject()).isEqualTo("Recording: Recorded first");
        assertThat(mail.text()).contains("https://video.example.org/recorded");
    }

    private UUID register(EventSnapshot event, String email) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Ana Quispe", email,
                "en", null));
        return registration;
    }

    /** The one email to {@code email}, once every email due before a later one has gone. */
    private CapturedMail onlyMailTo(String email) {
        List<CapturedMail> first = ends.awaitMails(email, 1);
        ends.awaitDispatched();
        assertThat(ends.mailbox().to(email)).hasSize(1);
        return first.get(0);
    }

    private static void awaitKnown(EventSnapshot event, EventStatus status) {
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownEvent known = KnownEvent.findById(event.id());
            return known != null && known.status == status;
        }));
    }
}
