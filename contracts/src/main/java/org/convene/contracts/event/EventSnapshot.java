package org.convene.contracts.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * The whole current state of a public event, keyed by {@code id} on the compacted {@code events}
 * topic. Consumers apply a snapshot only if its {@code version} is higher than the one they hold.
 *
 * @param startsAt    the start, with the offset that the event's zone had for it when published
 * @param timeZone    the IANA zone the organiser chose, for showing the time as they meant it
 * @param joinUrl     the private joining link: for emails to registrants, never for a public page
 * @param notice      the organiser's word on the latest change, to pass on to registrants: why it was
 *                    rescheduled, or the cancellation message; null when there is none
 * @param recordingUrl  the recording, once the event is completed; null until then
 * @param reportBackUrl the written report-back, once there is one; null until then
 * @param details       what the public page shows beyond the time; null in snapshots written before it existed
 */
public record EventSnapshot(
        UUID id,
        long version,
        EventStatus status,
        String title,
        OffsetDateTime startsAt,
        String timeZone,
        int durationMinutes,
        String joinUrl,
        String notice,
        String recordingUrl,
        String reportBackUrl,
        EventDetails details) {

    /** A snapshot that could not be stored is refused where it is made or read, not deep in a consumer. */
    public EventSnapshot {
        Messages.require(id, "id");
        Messages.require(status, "status");
        Messages.require(title, "title");
        Messages.require(startsAt, "startsAt");
        Messages.require(timeZone, "timeZone");
        Messages.require(joinUrl, "joinUrl");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be positive");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone is not a known zone: " + timeZone);
        }
    }

    /** An event with nothing to announce and nothing recorded yet. */
    public EventSnapshot(UUID id, long version, EventStatus status, String title, OffsetDateTime startsAt,
            String timeZone, int durationMinutes, String joinUrl) {
        this(id, version, status, title, startsAt, timeZone, durationMinutes, joinUrl, null, null, null, null);
    }

}
