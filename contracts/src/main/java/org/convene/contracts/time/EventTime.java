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

    /** {@code UTC+01:00}, {@code UTC-04:00}, or {@code UTC} itself. */
    public static String offset(ZonedDateTime local) {
        String id = local.getOffset().getId();
        return "Z".equals(id) ? "UTC" : "UTC" + id;
    }
}
