package org.convene.events.backoffice;

import java.util.List;
import java.util.Map;

import org.convene.contracts.delivery.EmailKind;
import org.convene.events.delivery.EmailCounts;

/**
 * One kind of email as the back office shows it: named in words, and with the outcomes an organiser
 * acts on put together (failed or bounced: the address may need a look; not sent: on purpose).
 */
public record EmailOverview(String kind, long sent, long pending, long failed, long notSent) {

    static List<EmailOverview> of(Map<EmailKind, EmailCounts> emails) {
        return emails.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }

    private static EmailOverview of(EmailKind kind, EmailCounts counts) {
        return new EmailOverview(name(kind), counts.sent(), counts.pending(), counts.failed() + counts.bounced(),
                counts.dropped() + counts.suppressed());
    }

    /** What each kind of email is, in the organiser's words. */
    static String name(EmailKind kind) {
        return switch (kind) {
            case CONFIRMATION -> "Confirmation of registration";
            case WAITLISTED -> "On the waitlist";
            case PROMOTED -> "A place came free";
            case REMINDER -> "Reminder";
            case RESCHEDULED -> "New time";
            case EVENT_CANCELLED -> "Event called off";
            case FOLLOW_UP -> "Follow-up with the recording";
            case ORGANISER_MESSAGE -> "Messages from organisers, and their tests";
        };
    }
}
