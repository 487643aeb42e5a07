package org.convene.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.Person;
import org.convene.notification.event.KnownEvent;
import org.convene.notification.mailing.Mailing;
import org.convene.notification.recipient.Recipient;
import org.convene.notification.unsubscribe.UnsubscribeLinks;
import org.convene.platform.email.EmailAddress;
import org.convene.platform.time.EventTime;
import org.convene.platform.web.PublicPages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;

/**
 * Writes one email of any kind, as text and as HTML, in the registrant's language, with the event as
 * it stands when the email goes out, as the Vert.x mail client takes it (see {@link EmailDispatcher}).
 * One pair of templates serves every kind: {@link View} says which of its parts an email has. It goes to
 * the registrant alone, by address only: a name could carry characters that change a header's meaning.
 */
@ApplicationScoped
public class EmailWriter {

    private final Template text;
    private final Template html;
    private final CalendarInvitation invitations;
    private final UnsubscribeLinks unsubscribeLinks;
    private final PublicPages publicPages;
    private final String from;
    private final String messageIdDomain;

    public EmailWriter(@Location("mail/email.txt") Template text, @Location("mail/email.html") Template html,
            CalendarInvitation invitations, UnsubscribeLinks unsubscribeLinks, PublicPages publicPages,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.from = from;
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
        this.text = text;
        this.html = html;
        this.invitations = invitations;
        this.unsubscribeLinks = unsubscribeLinks;
        this.publicPages = publicPages;
    }

    /**
     * What one email shows; a null or empty part is left out.
     *
     * @param whenYours the time in the registrant's zone, when it is not the event's
     * @param calendar   "add" or "remove" when a calendar file is attached, else null
     * @param paragraphs an organiser's own message, else empty
     * @param test       a test of an organiser's message, sent to them alone
     * @param joinLater  the joining link is left out: it comes in a reminder
     */
    public record View(String language, String subject, String name, String lead, String notice, String title,
            String when, String whenYours, String duration, String chair, List<Person> speakers, String host,
            String supporters, String joinUrl, String calendar, String googleUrl, String outlookUrl,
            String recordingUrl, String reportBackUrl, String pageUrl, String cancelUrl, boolean onWaitlist,
            String unsubscribeUrl, List<String> paragraphs, boolean test, boolean joinLater) {
    }

    /** The subject and the opening line, which say what kind of email this is. */
    private record Lines(String subject, String lead) {
    }

    /**
     * @param mailing       the organiser's message, for an email of that kind; else null
     * @param reminderAhead whether a reminder will still reach the registrant: if the organiser keeps the
     *                      joining link for the reminders, only then may an email leave it out
     */
    public MailMessage write(ScheduledEmail email, Recipient to, KnownEvent event, Mailing mailing, boolean reminderAhead) {
        EmailKind kind = email.kind;
        View view = view(email, to, event, mailing, reminderAhead);
        MailMessage mail = new MailMessage()
                .setFrom(from)
                // The domain in its ASCII form: an internationalised one then needs no SMTPUTF8.
                .setTo(EmailAddress.forSending(to.email))
                // RFC 2369 and RFC 8058: mail apps offer their own unsubscribe button, which posts to the link.
                .setHeaders(MultiMap.caseInsensitiveMultiMap()
                        .add("List-Unsubscribe", "<" + view.unsubscribeUrl() + ">")
                        .add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                        // One per scheduled email, the same on every try: if a crash or a lost reply makes
                        // us send it again, the copies are recognisably one message (and mail programs that
                        // collapse duplicates by Message-ID show it once).
                        .add("Message-ID", "<" + email.id + "@" + messageIdDomain + ">"))
                .setSubject(HeaderText.oneLine(view.subject()))
                .setText(text.data("view", view).setLocale(to.locale()).render())
                .setHtml(html.data("view", view).setLocale(to.locale()).render());
        String calendarFile = switch (kind) {
            case CONFIRMATION, PROMOTED -> invitations.request(event, to.email, view.joinUrl(), view.pageUrl());
            case RESCHEDULED -> to.onWaitlist() ? null : invitations.request(event, to.email, view.joinUrl(), view.pageUrl());
            case EVENT_CANCELLED -> invitations.cancel(event, to.email);
            case WAITLISTED, REMINDER, FOLLOW_UP, ORGANISER_MESSAGE -> null;
        };
        if (calendarFile != null) {
            String method = kind == EmailKind.EVENT_CANCELLED ? "CANCEL" : "REQUEST";
            mail.setAttachment(MailAttachment.create().setName("invite.ics").setDisposition("attachment")
                    .setData(Buffer.buffer(calendarFile.getBytes(StandardCharsets.UTF_8)))
                    .setContentType("text/calendar; charset=UTF-8; method=" + method));
        }
        return mail;
    }

    View view(ScheduledEmail email, Recipient to, KnownEvent event, Mailing mailing, boolean reminderAhead) {
        EmailKind kind = email.kind;
        MailMessages words = MessageBundles.get(MailMessages.class, Localized.Literal.of(to.locale().getLanguage()));
        Locale locale = to.locale();
        EventDetails details = event.details;
        String title = event.title;
        Lines lines = switch (kind) {
            case CONFIRMATION -> new Lines(words.confirmationSubject(title), words.confirmationLead(title));
            case WAITLISTED -> new Lines(words.waitlistedSubject(title), words.waitlistedLead(title));
            case PROMOTED -> new Lines(words.promotedSubject(title), words.promotedLead(title));
            case REMINDER -> {
                String left = EventTime.duration(email.minutesBefore, locale);
                yield new Lines(words.reminderSubject(left, title), words.reminderLead(title, left));
            }
            case RESCHEDULED -> new Lines(words.rescheduledSubject(title), words.rescheduledLead(title));
            case EVENT_CANCELLED -> new Lines(words.cancelledSubject(title), words.cancelledLead(title));
            case FOLLOW_UP -> new Lines(words.followUpSubject(title),
                    to.attended ? words.followUpAttendedLead(title) : words.followUpMissedLead(title));
            case ORGANISER_MESSAGE -> new Lines(mailing.subject, null);
        };
        boolean organisers = kind == EmailKind.ORGANISER_MESSAGE;
        boolean upcoming = kind != EmailKind.FOLLOW_UP && !(organisers && event.endsAt().isBefore(email.dueAt));
        boolean joinable = upcoming && kind != EmailKind.EVENT_CANCELLED && kind != EmailKind.WAITLISTED
                && !to.onWaitlist();
        boolean addToCalendar = joinable && kind != EmailKind.REMINDER && !organisers;
        // Kept for the reminders if the organiser asked, and one will still come; a reminder always has it.
        boolean joinLater = joinable && kind != EmailKind.REMINDER && reminderAhead && details != null
                && details.joinLinkInReminders();
        ZoneId eventZone = event.zone();
        ZoneId theirZone = to.zone(eventZone);
        String pageUrl = details == null ? null : publicPages.address("/events/" + details.slug());
        return new View(locale.getLanguage(), lines.subject(), isolated(to.name), lines.lead(),
                kind == EmailKind.RESCHEDULED || kind == EmailKind.EVENT_CANCELLED ? event.notice : null,
                title,
                upcoming ? EventTime.describe(event.startsAt, eventZone, locale) : null,
                upcoming && !theirZone.equals(eventZone) ? EventTime.describe(event.startsAt, theirZone, locale) : null,
                upcoming ? EventTime.duration(event.durationMinutes, locale) : null,
                details == null || details.chair() == null ? null : withAffiliation(details.chair()),
                details == null ? List.of() : details.speakers(),
                details == null ? null : details.host(),
                details == null || details.supporters().isEmpty() ? null : String.join(", ", details.supporters()),
                joinable && !joinLater ? to.joinUrl(event.joinUrl) : null,
                addToCalendar ? "add" : kind == EmailKind.EVENT_CANCELLED ? "remove" : null,
                addToCalendar ? CalendarLinks.google(event, pageUrl) : null,
                addToCalendar ? CalendarLinks.outlook(event, pageUrl) : null,
                kind == EmailKind.FOLLOW_UP ? event.recordingUrl : null,
                kind == EmailKind.FOLLOW_UP ? event.reportBackUrl : null,
                pageUrl,
                upcoming && kind != EmailKind.EVENT_CANCELLED ? to.cancelUrl : null,
                to.onWaitlist(),
                unsubscribeLinks.url(to.registrationId),
                organisers ? mailing.paragraphs() : List.of(),
                organisers && mailing.testTo != null,
                joinLater);
    }

    /**
     * A name with directional formatting in it, such as U+202E, which shows what follows it backwards, is set
     * between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the isolate ends whatever the name started, so
     * that a registrant cannot turn the words of the email after their name around (text and HTML alike).
     */
    static String isolated(String name) {
        return name != null && name.codePoints().anyMatch(EmailWriter::directionalFormatting)
                ? "\u2068" + name + "\u2069" : name;
    }

    private static boolean directionalFormatting(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String withAffiliation(Person person) {
        return person.affiliation() == null || person.affiliation().isBlank() ? person.name()
                : person.name() + ", " + person.affiliation();
    }
}
