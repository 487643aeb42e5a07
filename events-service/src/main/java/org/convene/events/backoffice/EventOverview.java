package org.convene.events.backoffice;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.convene.contracts.registration.RegistrationState;
import org.convene.events.event.Event;
import org.convene.events.event.EventState;
import org.convene.events.event.EventStep;
import org.convene.platform.time.EventTime;

/** An event as the back office shows it: its time for people, its counts and the steps it can take. */
public record EventOverview(Event event, String when, String duration, long registered, long waitlisted,
        long cancelled, boolean started, boolean past) {

    static EventOverview of(Event event, Map<RegistrationState, Long> counts, Clock clock) {
        var start = event.startsAt();
        return new EventOverview(event,
                EventTime.describe(start.toInstant(), ZoneId.of(event.timeZone), Locale.UK),
                EventTime.duration(event.durationMinutes),
                counts.getOrDefault(RegistrationState.REGISTERED, 0L) + counts.getOrDefault(RegistrationState.PROMOTED, 0L)
                        + counts.getOrDefault(RegistrationState.ATTENDED, 0L),
                counts.getOrDefault(RegistrationState.WAITLISTED, 0L),
                counts.getOrDefault(RegistrationState.CANCELLED, 0L),
                !start.toInstant().isAfter(clock.instant()),
                start.plusMinutes(event.durationMinutes).toInstant().isBefore(clock.instant()));
    }

    public String status() {
        return switch (event.status) {
            case DRAFT -> "Draft";
            case PUBLISHED -> "Published";
            case RESCHEDULED -> "Rescheduled";
            case COMPLETED -> "Held";
            case CANCELLED -> "Cancelled";
        };
    }

    public boolean draft() {
        return event.status == EventState.DRAFT;
    }

    public boolean editable() {
        return EventStep.EDIT.allowedFrom(event.status);
    }

    public boolean publishable() {
        return EventStep.PUBLISH.allowedFrom(event.status);
    }

    public boolean reschedulable() {
        return EventStep.RESCHEDULE.allowedFrom(event.status);
    }

    public boolean cancellable() {
        return EventStep.CANCEL.allowedFrom(event.status);
    }

    /** Offered once the event has started, as the lifecycle allows. */
    public boolean completable() {
        return EventStep.COMPLETE.allowedFrom(event.status) && started;
    }

    public boolean deletable() {
        return EventStep.DELETE.allowedFrom(event.status);
    }
}
