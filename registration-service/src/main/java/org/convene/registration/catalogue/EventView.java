package org.convene.registration.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.event.Person;
import org.convene.contracts.time.EventTime;

/**
 * What a public page shows of an event; the join URL is deliberately not part of it.
 *
 * @param when            the start in the event's zone with its offset, for people
 * @param datetime        the same instant in ISO form, for the {@code <time>} element
 * @param descriptionHtml cleaned when the snapshot was applied (see {@code EventReplica})
 * @param notice          the organiser's word on a reschedule or cancellation
 */
public record EventView(UUID id, String title, String when, String datetime, String duration, EventStatus status,
        String summary, String descriptionHtml, String imageUrl, String imageAlt, String livestreamUrl, String host,
        List<String> supporters, Person chair, List<Person> speakers, String notice, String recordingUrl,
        String reportBackUrl) {

    public static EventView of(CatalogueEvent event) {
        Optional<EventDetails> details = Optional.ofNullable(event.details);
        return new EventView(event.id, event.title,
                EventTime.describe(event.startsAt, event.zone(), Locale.UK),
                event.startsAt.atZone(event.zone()).toOffsetDateTime().toString(),
                EventTime.duration(event.durationMinutes), event.status,
                details.map(EventDetails::summary).orElse(null),
                details.map(EventDetails::descriptionHtml).orElse(null),
                details.map(EventDetails::imageUrl).orElse(null),
                details.map(EventDetails::imageAlt).orElse(null),
                details.map(EventDetails::livestreamUrl).orElse(null),
                details.map(EventDetails::host).orElse(null),
                details.map(EventDetails::supporters).orElse(List.of()),
                details.map(EventDetails::chair).orElse(null),
                details.map(EventDetails::speakers).orElse(List.of()),
                event.notice, event.recordingUrl, event.reportBackUrl);
    }

    public boolean cancelled() {
        return status == EventStatus.CANCELLED;
    }

    public boolean rescheduled() {
        return status == EventStatus.RESCHEDULED;
    }

}
