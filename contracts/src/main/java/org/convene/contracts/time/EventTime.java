package org.convene.contracts.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How an event's time is written for people, on pages and in emails alike: the date and time in a
 * zone, the zone's name and its UTC offset on that date, e.g.
 * {@code Monday 19 April 2027, 18:30 (Europe/London, UTC+01:00)}.
 */
public final class EventTime {

    private EventTime() {
    }

    public static String describe(Instant start, ZoneId zone, Locale locale) {
        ZonedDateTime local = start.atZone(zone);
        String date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(local);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.UK).format(local);
        return date + ", " + time + " (" + zone.getId() + ", " + offset(local) + ")";
    }

    /** {@code 1 hour 30 minutes}, {@code 2 hours}, {@code 45 minutes}: for pages and emails alike. */
    public static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        String h = hours == 1 ? "1 hour" : hours + " hours";
        String m = rest == 1 ? "1 minute" : rest + " minutes";
        if (hours == 0) {
            return m;
        }
        return rest == 0 ? h : h + " " + m;
    }

    /** {@code UTC+01:00}, {@code UTC-04:00}, or {@code UTC} itself. */
    public static String offset(ZonedDateTime local) {
        String id = local.getOffset().getId();
        return "Z".equals(id) ? "UTC" : "UTC" + id;
    }
}
