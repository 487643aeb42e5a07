package org.convene.events.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.events.event.Event;
import org.convene.events.event.EventState;
import org.convene.platform.calendar.CalendarEvents;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Builds the public iCalendar (RFC 5545) feed of upcoming events with ical4j. Kept apart from the HTTP
 * resource so that what is public — which events, which of their fields — is decided in one place that
 * knows nothing of HTTP. Only public fields go in: never the join link, which is for registrants.
 */
@ApplicationScoped
public class CalendarFeed {

    static final String PRODUCT_ID = "-//Convene//Events//EN";
    static final String NAME = "Convene events";

    /**
     * No event ends more than this long after its wall-clock start read as UTC (a day at most, and a
     * zone's offset within ±14 hours), so older ones need not be loaded to be filtered out.
     */
    private static final Duration LONGEST_REACH = Duration.ofDays(2);

    private final Clock clock;

    public CalendarFeed(Clock clock) {
        this.clock = clock;
    }

    /** Published or rescheduled events that have not ended yet, by start. */
    public List<Event> upcoming() {
        Instant now = clock.instant();
        LocalDateTime cutoff = LocalDateTime.ofInstant(now, ZoneOffset.UTC).minus(LONGEST_REACH);
        List<Event> candidates = Event.list("status in ?1 and localStart > ?2",
                List.of(EventState.PUBLISHED, EventState.RESCHEDULED), cutoff);
        return candidates.stream()
                .filter(e -> e.startsAt().toInstant().plus(Duration.ofMinutes(e.durationMinutes)).isAfter(now))
                // Ordered here, not in the query: wall-clock starts in different zones do not sort by time.
                .sorted(Comparator.comparing((Event e) -> e.startsAt().toInstant()).thenComparing(e -> e.id))
                .toList();
    }

    /** The feed as iCalendar text. */
    public String render() {
        Calendar calendar = calendar(upcoming());
        StringWriter out = new StringWriter();
        try {
            // Not validating on every request: the tests validate the feed (and an empty feed, no
            // upcoming events, would be logged as an error each time).
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    Calendar calendar(List<Event> events) {
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // No METHOD: this is a feed to subscribe to, not an iTIP message, which would want an ORGANIZER.
        calendar.add(new XProperty("X-WR-CALNAME", NAME));

        // One VTIMEZONE per zone in use, so that every TZID below resolves without outside knowledge.
        Map<String, TimeZone> used = new LinkedHashMap<>();
        for (Event event : events) {
            used.computeIfAbsent(event.timeZone, CalendarEvents::zone);
        }
        used.values().forEach(zone -> calendar.add(zone.getVTimeZone()));
        events.forEach(event -> calendar.add(vEvent(event, used.get(event.timeZone), stamp)));
        return calendar;
    }

    private static VEvent vEvent(Event event, TimeZone zone, Instant stamp) {
        VEvent vEvent = CalendarEvents.event(event.id, event.version, event.title,
                event.localStart.atZone(ZoneId.of(event.timeZone)), event.durationMinutes, zone, stamp);
        vEvent.add(ImmutableStatus.VEVENT_CONFIRMED);
        vEvent.add(new LastModified(event.updatedAt.truncatedTo(ChronoUnit.SECONDS)));
        return vEvent;
    }
}
