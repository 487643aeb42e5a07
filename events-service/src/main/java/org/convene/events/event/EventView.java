package org.convene.events.event;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
        return new EventView(e.id, e.version, e.status, e.title, e.localStart, e.timeZone, e.startsAt(),
                e.durationMinutes, e.joinUrl, e.notice, e.recordingUrl, e.reportBackUrl, e.details(),
                RegistrationTally.countsFor(e.id));
    }
}
