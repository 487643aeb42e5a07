package org.convene.events.event;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.registration.RegistrationState;
import org.convene.events.tally.RegistrationTally;

/** An event as the organiser API shows it. */
public record EventView(UUID id, long version, EventState status, String title, LocalDateTime localStart,
        String timeZone, OffsetDateTime startsAt, int durationMinutes, String joinUrl, String notice,
        String recordingUrl, String reportBackUrl, EventDetails details, Map<RegistrationState, Long> registrations) {

    /** With how many registrations the event has in each state, as far as this service has heard. */
    static EventView of(Event e) {
        return all(List.of(e)).get(0);
    }

    /** The same for many events, counting their registrations in one query. */
    static List<EventView> all(List<Event> events) {
        Map<UUID, Map<RegistrationState, Long>> counts = RegistrationTally.countsFor(
                events.stream().map(e -> e.id).toList());
        return events.stream().map(e -> new EventView(e.id, e.version, e.status, e.title, e.localStart, e.timeZone,
                e.startsAt(), e.durationMinutes, e.joinUrl, e.notice, e.recordingUrl, e.reportBackUrl, e.details(),
                counts.getOrDefault(e.id, Map.of()))).toList();
    }
}
