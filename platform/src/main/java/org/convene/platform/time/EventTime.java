package org.convene.platform.time;

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

    /** In English ({@code Monday 19 April 2027, 18:30 …}) or Spanish ({@code lunes, 19 de abril de 2027, 18:30 …}). */
    public static String describe(Instant start, ZoneId zone, Locale locale) {
        ZonedDateTime local = start.atZone(zone);
        String pattern = isSpanish(locale) ? "EEEE, d 'de' MMMM 'de' yyyy" : "EEEE d MMMM yyyy";
        String date = DateTimeFormatter.ofPattern(pattern, locale).format(local);
        // The 24-hour clock in both languages: campaign events cross countries that read it alike.
        String time = DateTimeFormatter.ofPattern("HH:mm", locale).format(local);
        return date + ", " + time + " (" + zone.getId() + ", " + offset(local) + ")";
    }

    /** {@code 1 hour 30 minutes}, {@code 2 hours}, {@code 45 minutes}: for pages and emails alike. */
    public static String duration(int minutes) {
        return duration(minutes, Locale.UK);
    }

    /** As {@link #duration(int)}, in English or Spanish ({@code 1 hora 30 minutos}). */
    public static String duration(int minutes, Locale locale) {
        boolean spanish = isSpanish(locale);
        int hours = minutes / 60;
        int rest = minutes % 60;
        String h = hours + " " + (spanish ? (hours == 1 ? "hora" : "horas") : (hours == 1 ? "hour" : "hours"));
        String m = rest + " " + (spanish ? (rest == 1 ? "minuto" : "minutos") : (rest == 1 ? "minute" : "minutes"));
        if (hours == 0) {
            return m;
        }
        return rest == 0 ? h : h + " " + m;
    }

    private static boolean isSpanish(Locale locale) {
        return "es".equals(locale.getLanguage());
    }

    /** {@code UTC+01:00}, {@code UTC-04:00}, or {@code UTC} itself. */
    public static String offset(ZonedDateTime local) {
        String id = local.getOffset().getId();
        return "Z".equals(id) ? "UTC" : "UTC" + id;
    }
}
