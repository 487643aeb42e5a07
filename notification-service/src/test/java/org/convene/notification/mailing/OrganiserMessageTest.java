package org.convene.notification.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.mailing.MailingAudience;
import org.convene.contracts.mailing.MailingRequested;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.notification.Events;
import org.convene.notification.ScheduledEmails;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.mail.EmailStatus;
import org.convene.notification.unsubscribe.Unsubscriptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** An organiser's message from the mailings topic: its test to the organiser, then to the chosen registrants once. */
@QuarkusTest
class OrganiserMessageTest {

    private static final String BODY = """
            Thank you for registering.

            Bring a question for the speakers: <script>alert('x')</script> & we will read the best ones out.""";

    @Inject
    TopicsAndMailbox ends;

    @Inject
    Unsubscriptions unsubscriptions;

    @Test
    void aTestGoesToTheOrganiserAloneAndSaysItIsATest() {
        EventSnapshot event = ends.publish(Events.at("Tested first", ends.inLondon(Duration.ofDays(5)), 60));
        String registrant = TopicsAndMailbox.uniqueAddress();
        register(event, registrant, RegistrationState.REGISTERED);
        ends.awaitMails(registrant, 1);
        String organiser = TopicsAndMailbox.uniqueAddress();

        request(event, UUID.randomUUID(), MailingAudience.EVERYONE, organiser);

        CapturedMail test = ends.awaitMails(organiser, 1).get(0);
        assertThat(test.subject()).isEqualTo("A question for the speakers");
        assertThat(test.text()).contains("This is a test, sent to you alone.").contains("Thank you for registering.")
                .contains("<script>alert('x')</script> & we will read");
        assertThat(test.html()).contains("<p style=\"white-space:pre-line\">Thank you for registering.</p>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; we will read")
                .doesNotContain("<script>");
        assertThat(test.header("List-Unsubscribe")).isNotNull();
        ends.awaitDispatched();
        assertThat(ends.mailbox().to(registrant)).hasSize(1);
    }

    @Test
    void theMessageReachesEachRegistrantOfTheAudienceOnceAndNotThoseWhoLeft() {
        EventSnapshot event = ends.publish(Events.at("Write to us", ends.inLondon(Duration.ofDays(5)), 60));
        String registered = TopicsAndMailbox.uniqueAddress();
        String waiting = TopicsAndMailbox.uniqueAddress();
        String cancelled = TopicsAndMailbox.uniqueAddress();
        String unsubscribed = TopicsAndMailbox.uniqueAddress();
        UUID registeredId = register(event, registered, RegistrationState.REGISTERED);
        register(event, waiting, RegistrationState.WAITLISTED);
        UUID cancelledId = register(event, cancelled, RegistrationState.REGISTERED);
        UUID unsubscribedId = register(event, unsubscribed, RegistrationState.REGISTERED);
        for (String address : new String[] {registered, waiting, cancelled, unsubscribed}) {
            ends.awaitMails(address, 1);
        }
        ends.send(TopicsAndMailbox.change(cancelledId, event.id(), RegistrationState.CANCELLED, "Ada Lima", cancelled,
                "en", null));
        ScheduledEmails.awaitPendingReminders(cancelledId, 0);
        unsubscriptions.fromEvent(unsubscribedId);

        UUID sendId = UUID.randomUUID();
        MailingRequested toRegistered = request(event, sendId, MailingAudience.REGISTERED, null);
        // Read twice (a redelivery): still one email each.
        ends.topics().send(MessageType.MAILING_REQUESTED, event.id().toString(), toRegistered);

        CapturedMail message = ends.awaitMails(registered, 2).get(1);
        assertThat(message.subject()).isEqualTo("A question for the speakers");
        assertThat(message.text()).contains("Hello Ada Lima,").contains("Bring a question for the speakers")
                .contains(TopicsAndMailbox.joinUrl(registeredId)).doesNotContain("This is a test");
        ScheduledEmails.awaitEmail(unsubscribedId, EmailKind.ORGANISER_MESSAGE, EmailStatus.SUPPRESSED);

        request(event, UUID.randomUUID(), MailingAudience.WAITLISTED, null);
        assertThat(ends.awaitMails(waiting, 2).get(1).text()).contains("Bring a question for the speakers")
                .doesNotContain("/join/");
        ends.awaitDispatched();

        assertThat(ends.mailbox().to(registered)).hasSize(2);
        assertThat(ends.mailbox().to(cancelled)).hasSize(1);
        assertThat(ends.mailbox().to(unsubscribed)).hasSize(1);
        assertThat(ends.mailbox().to(waiting)).hasSize(2);
    }

    private MailingRequested request(EventSnapshot event, UUID sendId, MailingAudience audience, String testTo) {
        MailingRequested request = new MailingRequested(UUID.randomUUID(), sendId, event.id(),
                "A question for the speakers", BODY, audience, testTo, Instant.now());
        ends.topics().send(MessageType.MAILING_REQUESTED, event.id().toString(), request);
        return request;
    }

    private UUID register(EventSnapshot event, String email, RegistrationState state) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), state, "Ada Lima", email, "en", null));
        return registration;
    }
}
