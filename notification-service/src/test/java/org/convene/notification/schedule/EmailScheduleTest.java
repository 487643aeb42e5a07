package org.convene.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.AdjustableClock;
import org.convene.localstack.CapturedMail;
import org.convene.notification.Events;
import org.convene.notification.ScheduledEmails;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.mail.EmailStatus;
import org.convene.notification.recipient.Recipient;
import org.convene.platform.time.EventTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The email schedule's rules, with the service's clock moved forward instead of waiting: reminders on
 * the event's schedule, none that is stale or late, reminders that move with the event or go with it.
 */
@QuarkusTest
class EmailScheduleTest {

    @Inject
    TopicsAndMailbox ends;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void remindersGoOutOnTheEventsScheduleWithTheJoiningLink() {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = ends.publish(Events.at("Reminders on time", start, 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, RegistrationState.REGISTERED);
        ends.awaitMails(email, 1);
        assertThat(ScheduledEmails.awaitPendingReminders(registration, 2)).extracting(r -> r.dueAt)
                .containsExactlyInAnyOrder(start.toInstant().minus(Duration.ofHours(24)),
                        start.toInstant().minus(Duration.ofHours(1)));

        moveTo(start.toInstant().minus(Duration.ofHours(24)).plusSeconds(60));
        CapturedMail dayBefore = ends.awaitMails(email, 2).get(1);
        assertThat(dayBefore.subject()).isEqualTo("Starts in 24 hours: Reminders on time");
        assertThat(dayBefore.text()).contains(TopicsAndMailbox.joinUrl(registration)).contains(inWords(start))
                .doesNotContain(event.joinUrl());
        assertThat(dayBefore.attachments()).isEmpty();

        moveTo(start.toInstant().minus(Duration.ofMinutes(59)));
        CapturedMail hourBefore = ends.awaitMails(email, 3).get(2);
        assertThat(hourBefore.subject()).isEqualTo("Starts in 1 hour: Reminders on time");
        assertThat(hourBefore.html()).contains("href=\"" + TopicsAndMailbox.joinUrl(registration) + "\"");
        assertThat(ends.mailbox().to(email)).hasSize(3);
    }

    @Test
    void theJoiningLinkWaitsForTheReminderWhenTheOrganiserAsksAndOneWillCome() throws Exception {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = ends.publish(Events.withJoinLinkInReminders(Events.at("Link later", start, 1440)));
        String early = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, early, RegistrationState.REGISTERED);

        CapturedMail confirmation = ends.awaitMails(early, 1).get(0);
        assertThat(confirmation.text()).contains("Your joining link comes in your reminder before the event.")
                .doesNotContain("/join/");
        assertThat(confirmation.html()).doesNotContain("/join/");
        assertThat(calendarEntry(confirmation, "REQUEST").getProperty(Property.LOCATION)).isEmpty();

        moveTo(start.toInstant().minus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(ends.awaitMails(early, 2).get(1).text()).contains(TopicsAndMailbox.joinUrl(registration));
        clock.reset();

        // Too late for any reminder: the confirmation has to carry the link.
        EventSnapshot soon = ends.publish(Events.withJoinLinkInReminders(
                Events.at("Link later, but soon", ends.inLondon(Duration.ofMinutes(30)), 1440, 60)));
        String late = TopicsAndMailbox.uniqueAddress();
        UUID lateRegistration = register(soon, late, RegistrationState.REGISTERED);
        assertThat(ends.awaitMails(late, 1).get(0).text()).contains(TopicsAndMailbox.joinUrl(lateRegistration))
                .doesNotContain("comes in your reminder");
    }

    @Test
    void someoneWhoRegistersThreeHoursBeforeGetsTheOneHourReminderOnly() {
        ZonedDateTime start = ends.inLondon(Duration.ofHours(3));
        EventSnapshot event = ends.publish(Events.at("Late registration", start, 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, RegistrationState.REGISTERED);
        ends.awaitMails(email, 1);

        assertThat(ScheduledEmails.awaitPendingReminders(registration, 1)).extracting(r -> r.minutesBefore)
                .containsExactly(60);
        moveTo(start.toInstant().minus(Duration.ofMinutes(59)));

        assertThat(ends.awaitMails(email, 2).get(1).subject()).isEqualTo("Starts in 1 hour: Late registration");
        assertThat(ScheduledEmails.of(registration)).extracting(e -> e.kind)
                .containsExactlyInAnyOrder(EmailKind.CONFIRMATION, EmailKind.REMINDER);
    }

    @Test
    void aReminderThatCouldNotGoOutBeforeTheStartIsDroppedNotSentLate() {
        ZonedDateTime start = ends.inLondon(Duration.ofHours(2));
        EventSnapshot event = ends.publish(Events.at("Too late", start, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, RegistrationState.REGISTERED);
        ends.awaitMails(email, 1);
        ScheduledEmails.awaitPendingReminders(registration, 1);

        // The service was away from the reminder's time until after the start.
        moveTo(start.toInstant().plusSeconds(60));

        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> ScheduledEmails.of(registration).stream()
                .anyMatch(e -> e.kind == EmailKind.REMINDER && e.status == EmailStatus.DROPPED));
        await().atMost(TopicsAndMailbox.PATIENCE)
                .until(() -> ends.counted(event.id(), EmailKind.REMINDER, DeliveryOutcome.DROPPED) >= 1);
        assertThat(ends.mailbox().to(email)).hasSize(1);
    }

    @Test
    void aNewTimeMovesTheRemindersAndTellsEveryoneWithAnUpdatedCalendarEntry() throws Exception {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = ends.publish(Events.at("Moved", start, 1440, 60));
        String registered = TopicsAndMailbox.uniqueAddress();
        String waiting = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, registered, RegistrationState.REGISTERED);
        register(event, waiting, RegistrationState.WAITLISTED);
        ends.awaitMails(registered, 1);
        ends.awaitMails(waiting, 1);
        ScheduledEmails.awaitPendingReminders(registration, 2);

        ZonedDateTime later = start.plusDays(1).plusHours(1);
        ends.publish(Events.next(event, EventStatus.RESCHEDULED, later, "The speaker's flight was delayed.", null));

        CapturedMail moved = ends.awaitMails(registered, 2).get(1);
        assertThat(moved.subject()).isEqualTo("New time: Moved");
        assertThat(moved.text()).contains("The speaker's flight was delayed.").contains(inWords(later))
                .contains(TopicsAndMailbox.joinUrl(registration));
        VEvent entry = calendarEntry(moved, "REQUEST");
        assertThat(entry.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(event.id() + "@convene");
        assertThat(entry.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(entry.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(later.toLocalDateTime().toString().replace("-", "").replace(":", "") + "00");

        CapturedMail toldWaiting = ends.awaitMails(waiting, 2).get(1);
        assertThat(toldWaiting.subject()).isEqualTo("New time: Moved");
        assertThat(toldWaiting.text()).contains("The speaker's flight was delayed.").doesNotContain("/join/");
        assertThat(toldWaiting.attachments()).isEmpty();

        assertThat(ScheduledEmails.awaitPendingReminders(registration, 2, later.toInstant())).extracting(r -> r.dueAt)
                .containsExactlyInAnyOrder(later.toInstant().minus(Duration.ofHours(24)),
                        later.toInstant().minus(Duration.ofHours(1)));
        // The old time's reminder time passes: nothing goes out for it.
        moveTo(start.toInstant().minus(Duration.ofMinutes(59)));
        ends.awaitDispatched();
        assertThat(ends.mailbox().to(registered)).hasSize(2);
        // The new time's reminder does.
        moveTo(later.toInstant().minus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(ends.awaitMails(registered, 3).get(2).subject()).isEqualTo("Starts in 24 hours: Moved");
    }

    @Test
    void aCancelledEventTakesItsRemindersAwayAndSendsACalendarCancellation() throws Exception {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = ends.publish(Events.at("Called off", start, 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, RegistrationState.REGISTERED);
        ends.awaitMails(email, 1);
        ScheduledEmails.awaitPendingReminders(registration, 2);

        ends.publish(Events.next(event, EventStatus.CANCELLED, start, "We could not keep the hall.", null));

        CapturedMail cancelled = ends.awaitMails(email, 2).get(1);
        assertThat(cancelled.subject()).isEqualTo("Cancelled: Called off");
        assertThat(cancelled.text()).contains("We could not keep the hall.").doesNotContain("/join/")
                .doesNotContain("/cancel?token=");
        VEvent entry = calendarEntry(cancelled, "CANCEL");
        assertThat(entry.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(entry.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(ScheduledEmails.pendingReminders(registration)).isEmpty();

        moveTo(start.toInstant().minus(Duration.ofMinutes(59)));
        ends.awaitDispatched();
        assertThat(ends.mailbox().to(email)).hasSize(2);
    }

    @Test
    void aRegistrantWhoCancelsIsSentNoReminders() {
        EventSnapshot event = ends.publish(Events.at("Changed my mind", ends.inLondon(Duration.ofDays(2)), 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, RegistrationState.REGISTERED);
        ends.awaitMails(email, 1);
        ScheduledEmails.awaitPendingReminders(registration, 2);

        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.CANCELLED, "Ada Lima", email,
                "en", null));

        ScheduledEmails.awaitPendingReminders(registration, 0);
    }

    @Test
    void aWaitlistedRegistrantGetsRemindersOnceAPlaceIsTheirs() throws Exception {
        EventSnapshot event = ends.publish(Events.at("Full house", ends.inLondon(Duration.ofDays(2)), 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, RegistrationState.WAITLISTED);
        assertThat(ends.awaitMails(email, 1).get(0).subject()).isEqualTo("You're on the waitlist: Full house");
        assertThat(ScheduledEmails.pendingReminders(registration)).isEmpty();

        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.PROMOTED, "Ada Lima", email, "en",
                null));

        CapturedMail promoted = ends.awaitMails(email, 2).get(1);
        assertThat(promoted.subject()).isEqualTo("A place is yours: Full house");
        assertThat(promoted.text()).contains(TopicsAndMailbox.joinUrl(registration));
        calendarEntry(promoted, "REQUEST");
        ScheduledEmails.awaitPendingReminders(registration, 2);
    }

    @Test
    void theFollowUpThanksThoseWhoCameAndOffersTheRecordingToThoseWhoCouldNot() {
        ZonedDateTime start = ends.inLondon(Duration.ofHours(2));
        EventSnapshot event = ends.publish(Events.at("Report-back", start, 60));
        String came = TopicsAndMailbox.uniqueAddress();
        String missed = TopicsAndMailbox.uniqueAddress();
        UUID attendee = register(event, came, RegistrationState.REGISTERED);
        register(event, missed, RegistrationState.REGISTERED);
        ends.awaitMails(came, 1);
        ends.awaitMails(missed, 1);
        ends.send(TopicsAndMailbox.change(attendee, event.id(), RegistrationState.ATTENDED, "Ada Lima", came, "en",
                null));
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Recipient.<Recipient> findById(attendee).attended));

        String recording = "https://video.example.org/report-back-" + event.id();
        ends.publish(Events.next(event, EventStatus.COMPLETED, start, null, recording));

        CapturedMail thanks = ends.awaitMails(came, 2).get(1);
        assertThat(thanks.subject()).isEqualTo("Recording: Report-back");
        assertThat(thanks.text()).contains("Thank you for joining Report-back").contains(recording)
                .doesNotContain("/join/");
        CapturedMail missedIt = ends.awaitMails(missed, 2).get(1);
        assertThat(missedIt.text()).contains("We missed you at Report-back").contains(recording);
    }

    private UUID register(EventSnapshot event, String email, RegistrationState state) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), state, "Ada Lima", email, "en", null));
        return registration;
    }

    private void moveTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private static String inWords(ZonedDateTime time) {
        return EventTime.describe(time.toInstant(), time.getZone(), Locale.UK);
    }

    private static VEvent calendarEntry(CapturedMail mail, String method) throws Exception {
        CapturedMail.Attachment file = mail.attachment("text/calendar");
        assertThat(file).as("calendar file").isNotNull();
        Calendar calendar = new CalendarBuilder().build(new StringReader(file.content()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        return calendar.<VEvent> getComponents("VEVENT").get(0);
    }
}
