package org.convene.registration.catalogue;

import java.util.Locale;
import java.util.UUID;

import org.convene.contracts.time.EventTime;

/**
 * What a public page shows of an event; the join URL is deliberately not part of it.
 *
 * @param when     the start in the event's zone with its offset, for people
 * @param datetime the same instant in ISO form, for the {@code <time>} element
 */
public record EventView(UUID id, String title, String when, String datetime, String duration) {

    public static EventView of(CatalogueEvent event) {
        return new EventView(event.id, event.title,
                EventTime.describe(event.startsAt, event.zone(), Locale.UK),
                event.startsAt.atZone(event.zone()).toOffsetDateTime().toString(),
                duration(event.durationMinutes));
    }

    private static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String m = rest == 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
        return (h + " " + m).strip();
    }
}
