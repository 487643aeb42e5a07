package org.convene.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.event.Person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Event snapshots for tests: the seed event from the articles, and events at a chosen time. */
public final class Events {

    private Events() {
    }

    /**
     * The first seed event (Bolivia – People Power, Hope & Solidarity, 19 April 2021, 18:30 in London),
     * read from the demo data that the local stack loads.
     */
    public static EventSnapshot seed(int version) {
        JsonNode event;
        try (InputStream in = Events.class.getResourceAsStream("/demo/events.json")) {
            event = new ObjectMapper().readTree(in).get("events").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZoneId zone = ZoneId.of(event.get("timeZone").asText());
        ZonedDateTime start = LocalDateTime.parse(event.get("startsAt").asText()).atZone(zone);
        List<String> supporters = new ArrayList<>();
        event.get("supporters").forEach(s -> supporters.add(s.asText()));
        List<Person> speakers = new ArrayList<>();
        event.get("speakers").forEach(s -> speakers.add(person(s)));
        UUID id = UUID.randomUUID();
        EventDetails details = new EventDetails("bolivia-" + id, event.get("summary").asText(), null, null, null, null,
                event.get("host").asText(), supporters, person(event.get("chair")), speakers, null, false,
                List.of(1440, 60), List.of("en", "es"), false, false);
        return new EventSnapshot(id, version, EventStatus.PUBLISHED, event.get("title").asText(),
                start.toOffsetDateTime(), zone.getId(), event.get("durationMinutes").asInt(),
                "https://meet.example.org/" + id, null, null, null, details);
    }

    /** A published event at {@code start} with reminders {@code reminderMinutes} before it. */
    public static EventSnapshot at(String title, ZonedDateTime start, Integer... reminderMinutes) {
        UUID id = UUID.randomUUID();
        EventDetails details = new EventDetails("event-" + id, null, null, null, null, null, "Friends of Bolivia",
                List.of(), null, List.of(), null, false, List.of(reminderMinutes), List.of("en", "es"), false,
                false);
        return new EventSnapshot(id, 1, EventStatus.PUBLISHED, title, start.toOffsetDateTime(), start.getZone().getId(),
                90, "https://meet.example.org/" + id, null, null, null, details);
    }

    /** The same event, its organiser keeping the joining link for the reminders. */
    public static EventSnapshot withJoinLinkInReminders(EventSnapshot event) {
        EventDetails d = event.details();
        EventDetails details = new EventDetails(d.slug(), d.summary(), d.descriptionHtml(), d.imageUrl(), d.imageAlt(),
                d.livestreamUrl(), d.host(), d.supporters(), d.chair(), d.speakers(), d.capacity(), d.waitlist(),
                d.reminderMinutes(), d.languages(), d.showPlacesLeft(), true);
        return new EventSnapshot(event.id(), event.version(), event.status(), event.title(), event.startsAt(),
                event.timeZone(), event.durationMinutes(), event.joinUrl(), event.notice(), event.recordingUrl(),
                event.reportBackUrl(), details);
    }

    /** The next version of {@code event}: moved, called off or completed, with the organiser's word. */
    public static EventSnapshot next(EventSnapshot event, EventStatus status, ZonedDateTime start, String notice,
            String recordingUrl) {
        return new EventSnapshot(event.id(), event.version() + 1, status, event.title(), start.toOffsetDateTime(),
                event.timeZone(), event.durationMinutes(), event.joinUrl(), notice, recordingUrl, null, event.details());
    }

    private static Person person(JsonNode node) {
        return new Person(node.get("name").asText(), node.get("affiliation").asText());
    }
}
