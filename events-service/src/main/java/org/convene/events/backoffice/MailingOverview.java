package org.convene.events.backoffice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.convene.contracts.mailing.MailingAudience;
import org.convene.events.mailing.Mailing;
import org.convene.events.mailing.MailingStatus;
import org.convene.platform.time.EventTime;

/** A message to registrants as the back office shows it: its dates in the event's time zone, for people. */
public record MailingOverview(Mailing mailing, String audience, String created, String tested, String sent) {

    static MailingOverview of(Mailing mailing, ZoneId zone) {
        return new MailingOverview(mailing, audience(mailing.audience), when(mailing.createdAt, zone),
                when(mailing.testedAt, zone), when(mailing.sentAt, zone));
    }

    /** Whom an audience reaches, in the organiser's words. */
    static String audience(MailingAudience audience) {
        return switch (audience) {
            case REGISTERED -> "Registered";
            case WAITLISTED -> "On the waitlist";
            case EVERYONE -> "Everyone, registered and on the waitlist";
        };
    }

    public String status() {
        return mailing.status == MailingStatus.SENT ? "Sent" : "Draft";
    }

    public boolean draft() {
        return mailing.status == MailingStatus.DRAFT;
    }

    private static String when(Instant instant, ZoneId zone) {
        return instant == null ? null : EventTime.describe(instant, zone, Locale.UK);
    }
}
