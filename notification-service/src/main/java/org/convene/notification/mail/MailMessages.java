package org.convene.notification.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the emails, in English here and in Spanish in {@code messages/mail_es.properties};
 * templates use them as {@code {mail:name(...)}}, in the registrant's language.
 */
@MessageBundle("mail")
public interface MailMessages {

    @Message("Hello {name},")
    String greeting(String name);

    @Message("You're registered: {title}")
    String confirmationSubject(String title);

    @Message("You are registered for {title}. We look forward to seeing you.")
    String confirmationLead(String title);

    @Message("You're on the waitlist: {title}")
    String waitlistedSubject(String title);

    @Message("{title} is full, so you are on its waitlist. If a place comes free it is yours, and we will write to you at once.")
    String waitlistedLead(String title);

    @Message("A place is yours: {title}")
    String promotedSubject(String title);

    @Message("A place came free and it is yours: you are now registered for {title}.")
    String promotedLead(String title);

    @Message("Starts in {left}: {title}")
    String reminderSubject(String left, String title);

    @Message("{title} starts in {left}.")
    String reminderLead(String title, String left);

    @Message("New time: {title}")
    String rescheduledSubject(String title);

    @Message("{title} has a new time. Your registration stands.")
    String rescheduledLead(String title);

    @Message("Cancelled: {title}")
    String cancelledSubject(String title);

    @Message("We are sorry: {title} has been cancelled.")
    String cancelledLead(String title);

    @Message("Recording: {title}")
    String followUpSubject(String title);

    @Message("Thank you for joining {title}. Here is the recording, to watch again and to share.")
    String followUpAttendedLead(String title);

    @Message("We missed you at {title}. The recording is ready for you to watch.")
    String followUpMissedLead(String title);

    @Message("This is a test, sent to you alone. Registrants will read the message as you see it here.")
    String testNotice();

    @Message("From the organisers:")
    String fromTheOrganisers();

    @Message("When")
    String when();

    @Message("In your time zone: {time}")
    String inYourZone(String time);

    @Message("Duration: {length}")
    String duration(String length);

    @Message("Chair: {name}")
    String chair(String name);

    @Message("Speakers")
    String speakers();

    @Message("Hosted by {host}")
    String hostedBy(String host);

    @Message("With the support of {supporters}")
    String withSupportOf(String supporters);

    @Message("How to join")
    String howToJoin();

    @Message("Your joining link comes in your reminder before the event.")
    String joinLinkLater();

    @Message("Join the event")
    String joinTheEvent();

    @Message("Add it to your calendar")
    String addToCalendar();

    @Message("The attached file invite.ics adds it to most calendar apps, or use:")
    String calendarFileAttached();

    @Message("The attached file invite.ics removes it from your calendar.")
    String calendarCancellationAttached();

    @Message("Watch the recording")
    String watchRecording();

    @Message("Read the report-back")
    String readReportBack();

    @Message("The event's page")
    String eventPage();

    @Message("Can't come after all? Cancel your registration, and your place goes to someone on the waitlist:")
    String cancelPrompt();

    @Message("Not interested any more? Leave the waitlist:")
    String leaveWaitlistPrompt();

    @Message("Cancel my registration")
    String cancelLink();

    @Message("Fewer emails? Unsubscribe from reminders and follow-ups")
    String unsubscribe();
}
