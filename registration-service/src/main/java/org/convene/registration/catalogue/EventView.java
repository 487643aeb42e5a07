package org.convene.registration.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.event.Person;
import org.convene.platform.time.EventTime;

/**
 * What a public page shows of an event; the join URL is deliberately not part of it.
 *
 * @param when            the start in the event's zone with its offset, for people
 * @param datetime        the same instant in ISO form, for the {@code <time>} element
 * @param descriptionHtml cleaned when the snapshot was applied (see {@code EventReplica})
 * @param notice          the organiser's word on a reschedule or cancellation
 */
public record EventView(UUID id, String slug, String title, String when, String datetime, String duration, EventStatus status,
        String summary, String descriptionHtml, String imageUrl, String imageAlt, String livestreamUrl, String host,
        List<String> supporters, String supportersPhrase, Person chair, List<Person> speakers, String notice, String recordingUrl,
        String reportBackUrl) {

    /** The event as read in {@code language}: the time and duration are written in it. */
    public static EventView of(CatalogueEvent event, Locale language) {
        Optional<EventDetails> details = Optional.ofNullable(event.details);
        return new EventView(event.id, details.map(EventDetails::slug).orElse(null), event.title,
                EventTime.describe(event.startsAt, event.zone(), language),
                event.startsAt.atZone(event.zone()).toOffsetDateTime().toString(),
                EventTime.duration(event.durationMinutes, language), event.status,
                details.map(EventDetails::summary).orElse(null),
                details.map(EventDetails::descriptionHtml).orElse(null),
                details.map(EventDetails::imageUrl).orElse(null),
                details.map(EventDetails::imageAlt).orElse(null),
                details.map(EventDetails::livestreamUrl).orElse(null),
                details.map(EventDetails::host).orElse(null),
                details.map(EventDetails::supporters).orElse(List.of()),
                phrase(details.map(EventDetails::supporters).orElse(List.of()), language),
                details.map(EventDetails::chair).orElse(null),
                details.map(EventDetails::speakers).orElse(List.of()),
                event.notice, event.recordingUrl, event.reportBackUrl);
    }

    /** The page's address: readable by its slug, which is stable once published; by id before details existed. */
    public String path() {
        return "/events/" + (slug == null ? id : slug);
    }

    /** The supporting organisations as one phrase: "A, B and C" in English, "A, B y C" in Spanish. */
    private static String phrase(List<String> names, Locale language) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        String and = "es".equals(language.getLanguage()) ? " y " : " and ";
        return String.join(", ", names.subList(0, names.size() - 1)) + and + names.getLast();
    }

    public boolean cancelled() {
        return status == EventStatus.CANCELLED;
    }

    public boolean rescheduled() {
        return status == EventStatus.RESCHEDULED;
    }

}
