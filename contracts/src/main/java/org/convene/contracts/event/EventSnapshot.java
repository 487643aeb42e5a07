package org.convene.contracts.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The whole current state of a public event, keyed by {@code id} on the compacted {@code events}
 * topic. Consumers apply a snapshot only if its {@code version} is higher than the one they hold.
 *
 * @param startsAt    the start, with the offset that the event's zone had for it when published
 * @param timeZone    the IANA zone the organiser chose, for showing the time as they meant it
 * @param joinUrl     the private joining link: for emails to registrants, never for a public page
 */
public record EventSnapshot(
        UUID id,
        long version,
        EventStatus status,
        String title,
        OffsetDateTime startsAt,
        String timeZone,
        int durationMinutes,
        String joinUrl) {
}
