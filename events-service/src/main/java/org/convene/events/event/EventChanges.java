package org.convene.events.event;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.convene.platform.validation.ValidTimeZone;

/** The organiser's requests that move an event on in its life, each with what it must carry. */
public final class EventChanges {

    private EventChanges() {
    }

    /**
     * A new time for a published event; {@code reason} is passed on to everyone registered.
     *
     * @param startsAt the new wall-clock start in {@code timeZone}
     */
    public record Reschedule(
            @NotNull LocalDateTime startsAt,
            @NotBlank @ValidTimeZone String timeZone,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** Calls a published event off; {@code message} is passed on to everyone registered. */
    public record Cancellation(@NotBlank @Size(max = 2000) String message) {
    }

    /** Marks an event as held, with its recording and, optionally, a written report-back. */
    public record Completion(
            @NotBlank @Size(max = 2000) @WebLink String recordingUrl,
            @Size(max = 2000) @WebLink String reportBackUrl) {
    }
}
