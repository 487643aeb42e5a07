package org.convene.notification.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.convene.contracts.event.EventStatus;

/**
 * An event's reminders as the event now stands: its start and the minutes before it that each reminder
 * goes out. An event that is over or called off has none.
 *
 * @param start         the start the reminders are planned for
 * @param minutesBefore one per reminder; empty when none are due at all
 */
public record ReminderPlan(Instant start, List<Integer> minutesBefore) {

    /** A day and an hour before: the schedule of an event whose snapshot predates the choice. */
    public static final List<Integer> DEFAULT_MINUTES = List.of(1440, 60);

    private static final DateTimeFormatter START_IN_KEY = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public ReminderPlan {
        minutesBefore = List.copyOf(minutesBefore);
    }

    /** @param minutes the event's choice, or null when its snapshot has none */
    public static ReminderPlan of(EventStatus status, Instant start, List<Integer> minutes) {
        boolean ahead = status == EventStatus.PUBLISHED || status == EventStatus.RESCHEDULED;
        return new ReminderPlan(start, !ahead ? List.of() : minutes == null ? DEFAULT_MINUTES : minutes);
    }

    /**
     * The reminders still to plan at {@code now}: one whose time has passed is never planned, so someone
     * who registers three hours before gets the one-hour reminder only.
     */
    public List<Integer> ahead(Instant now) {
        return minutesBefore.stream().filter(minutes -> dueAt(minutes).isAfter(now)).toList();
    }

    public Instant dueAt(int minutes) {
        return start.minus(Duration.ofMinutes(minutes));
    }

    /**
     * What tells one reminder of a registrant from the others in its idempotency key: its minutes and the
     * start, to the second. A new title changes nothing, while a new time makes new reminders (and someone
     * who had one for the old time gets one for the new).
     */
    public String distinction(int minutes) {
        return minutes + "/" + START_IN_KEY.format(start);
    }
}
