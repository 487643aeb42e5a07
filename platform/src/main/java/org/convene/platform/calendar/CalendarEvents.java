package org.convene.platform.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;

/**
 * One event as an iCalendar (RFC 5545) VEVENT, written the same way in the public feed and in the
 * emails, so that a calendar app sees one event whichever it got first: the same UID, and a SEQUENCE
 * that grows with the event's version, so that a new time replaces the one the app holds.
 */
public final class CalendarEvents {

    /** ical4j's own zone definitions (bundled with the library, no network). */
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarEvents() {
    }

    /** The UID of an event's entry: stable for its whole life. */
    public static String uid(UUID eventId) {
        return eventId + "@convene";
    }

    /** The VTIMEZONE definition for a zone id, to add to the calendar beside the events that use it. */
    public static TimeZone zone(String zoneId) {
        return ZONES.getTimeZone(zoneId);
    }

    /**
     * The event without a STATUS (the caller says whether it stands or is cancelled).
     *
     * @param start the start in the event's own zone
     * @param zone  that zone's definition, from {@link #zone(String)}; null if ical4j does not know it
     */
    public static VEvent event(UUID eventId, long version, String title, ZonedDateTime start, int durationMinutes,
            TimeZone zone, Instant stamp) {
        // The VTIMEZONE's id; it differs from the event's only for an old alias (e.g. Europe/Kiev).
        TzId tzId = new TzId(zone != null ? zone.getID() : start.getZone().getId());
        // Wall-clock times with a TZID, as RFC 5545 wants them; the end is worked out with Java's rules
        // for the zone. Local times, so that ical4j does not convert them through its own copy of the
        // zone rules (which misplaces some instants, e.g. in La Paz).
        LocalDateTime localStart = start.toLocalDateTime();
        LocalDateTime localEnd = start.plusMinutes(durationMinutes).toLocalDateTime();
        VEvent vEvent = new VEvent(false);
        vEvent.add(new Uid(uid(eventId)));
        vEvent.add(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        vEvent.add(new DtStart<>(new ParameterList(List.<Parameter>of(tzId)), localStart));
        vEvent.add(new DtEnd<>(new ParameterList(List.<Parameter>of(tzId)), localEnd));
        vEvent.add(new Summary(title));
        vEvent.add(new Sequence((int) version));
        return vEvent;
    }
}
