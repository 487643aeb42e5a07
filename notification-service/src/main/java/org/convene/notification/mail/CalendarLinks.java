package org.convene.notification.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.convene.notification.event.KnownEvent;

/**
 * Add-to-calendar links for people whose mail app does not offer the attached file: Google Calendar's
 * and Outlook's event templates, filled with the title, the time in UTC (so no zone can be misread)
 * and the event's page.
 */
final class CalendarLinks {

    private static final DateTimeFormatter GOOGLE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarLinks() {
    }

    static String google(KnownEvent event, String details) {
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
                + "&text=" + encode(event.title)
                + "&dates=" + GOOGLE.format(event.startsAt) + "/" + GOOGLE.format(event.endsAt())
                + "&ctz=" + encode(event.timeZone)
                + (details == null ? "" : "&details=" + encode(details));
    }

    static String outlook(KnownEvent event, String details) {
        return "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
                + "&subject=" + encode(event.title)
                + "&startdt=" + encode(utc(event.startsAt))
                + "&enddt=" + encode(utc(event.endsAt()))
                + (details == null ? "" : "&body=" + encode(details));
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
