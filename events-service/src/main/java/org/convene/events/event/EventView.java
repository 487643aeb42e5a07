package org.convene.events.event;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventDetails;
import org.convene.contracts.registration.RegistrationState;
import org.convene.events.delivery.EmailCounts;
import org.convene.events.delivery.EmailTally;
import org.convene.events.tally.RegistrationTally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event as the organiser API shows it.
 *
 * @param emails by kind of email in lower case ({@code confirmation}, {@code reminder}, ...), only the
 *               kinds with any count
 */
public record EventView(UUID id, long version, EventState status, String title, LocalDateTime localStart,
        String timeZone, OffsetDateTime startsAt, int durationMinutes, String joinUrl, String notice,
        String recordingUrl, String reportBackUrl, EventDetails details, Map<RegistrationState, Long> registrations,
        @Schema(description = "The event's emails by kind, counts only, as far as this service has heard: "
                + "confirmation, waitlisted, promoted, reminder, rescheduled, event_cancelled, follow_up, "
                + "organiser_message; only the kinds with any count")
        Map<String, EmailCounts> emails) {

    /** With how many registrations the event has in each state, as far as this service has heard. */
    static EventView of(Event e) {
        return all(List.of(e)).get(0);
    }

    /** The same for many events, counting their registrations in one query and their emails in another. */
    static List<EventView> all(List<Event> events) {
        List<UUID> ids = events.stream().map(e -> e.id).toList();
        Map<UUID, Map<RegistrationState, Long>> counts = RegistrationTally.countsFor(ids);
        Map<UUID, Map<EmailKind, EmailCounts>> emails = EmailTally.countsFor(ids);
        return events.stream().map(e -> new EventView(e.id, e.version, e.status, e.title, e.localStart, e.timeZone,
                e.startsAt(), e.durationMinutes, e.joinUrl, e.notice, e.recordingUrl, e.reportBackUrl, e.details(),
                counts.getOrDefault(e.id, Map.of()), byName(emails.getOrDefault(e.id, Map.of())))).toList();
    }

    /** The kinds in their order, each by its name in lower case. */
    private static Map<String, EmailCounts> byName(Map<EmailKind, EmailCounts> emails) {
        Map<String, EmailCounts> named = new LinkedHashMap<>();
        emails.forEach((kind, counts) -> named.put(kind.name().toLowerCase(Locale.ROOT), counts));
        return named;
    }
}
