package org.convene.events.event;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What an organiser sends to create an event.
 *
 * @param startsAt the wall-clock start in {@code timeZone}, e.g. {@code 2027-04-19T18:30}
 * @param timeZone an IANA time zone id, e.g. {@code Europe/London}
 */
public record NewEvent(
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDateTime startsAt,
        @NotBlank @ValidTimeZone String timeZone,
        @NotNull @Positive @Max(value = 24 * 60, message = "must be at most 1440 minutes (one day)") Integer durationMinutes,
        @NotBlank @Size(max = 2000) @WebLink String joinUrl) {
}
