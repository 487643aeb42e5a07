package org.convene.events.event;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.convene.contracts.event.Person;
import org.convene.platform.validation.ValidTimeZone;

/**
 * What an organiser writes about an event, to create it or to edit it.
 *
 * @param startsAt the wall-clock start in {@code timeZone}, e.g. {@code 2027-04-19T18:30}
 * @param timeZone an IANA time zone id, e.g. {@code Europe/London}
 * @param showPlacesLeft whether the public page says how many places are left (needs a capacity)
 * @param joinLinkInReminders whether the joining link waits for the reminders instead of going in
 *                       the confirmation (for organisers who fear it being passed on early)
 */
public record EventFields(
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDateTime startsAt,
        @NotBlank @ValidTimeZone String timeZone,
        @NotNull @Positive @Max(value = 24 * 60, message = "must be at most 1440 minutes (one day)") Integer durationMinutes,
        @NotBlank @Size(max = 2000) @WebLink String joinUrl,
        @Size(max = 300) String summary,
        @Size(max = 20_000) String description,
        @Size(max = 2000) @WebLink String imageUrl,
        @Size(max = 300) String imageAlt,
        @Size(max = 2000) @WebLink String livestreamUrl,
        @Size(max = 200) String host,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> supporters,
        @Valid Person chair,
        @Size(max = 50) List<@Valid @NotNull Person> speakers,
        @Positive Integer capacity,
        Boolean waitlist,
        @Size(max = 5) List<@NotNull @Min(value = 5, message = "must be at least 5 minutes before the start")
                @Max(value = 30 * 24 * 60, message = "must be at most 30 days before the start") Integer> reminderMinutes,
        @Size(max = 2) List<@NotNull @Pattern(regexp = "en|es", message = "must be en or es") String> languages,
        Boolean showPlacesLeft,
        Boolean joinLinkInReminders) {

    /** The default reminder schedule: a day before and an hour before the start. */
    static final List<Integer> DEFAULT_REMINDERS = List.of(24 * 60, 60);

    /** An image without words for those who cannot see it is refused. */
    @AssertTrue(message = "must describe the image for people who cannot see it")
    boolean isImageAlt() {
        return imageUrl == null || imageUrl.isBlank() || (imageAlt != null && !imageAlt.isBlank());
    }
}
