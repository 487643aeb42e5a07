package org.convene.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.convene.contracts.MessageType;
import org.convene.contracts.text.RichText;
import org.convene.platform.outbox.Outbox;
import org.convene.platform.problem.ProblemException;

/**
 * Creates events and moves them through their life. Every change bumps the version; every change
 * of a public event writes its snapshot to the outbox in the same transaction.
 */
@ApplicationScoped
public class EventLifecycle {

    private final Outbox outbox;
    private final Slugs slugs;
    private final Clock clock;

    public EventLifecycle(Outbox outbox, Slugs slugs, Clock clock) {
        this.outbox = outbox;
        this.slugs = slugs;
        this.clock = clock;
    }

    @Transactional
    public Event create(EventFields request) {
        requireFuture(request.startsAt(), request.timeZone());
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.version = 1;
        event.status = EventState.DRAFT;
        event.localStart = request.startsAt();
        event.timeZone = ZoneId.of(request.timeZone()).getId();
        event.slug = slugs.unique(request.title().strip());
        describe(event, request);
        event.createdAt = clock.instant();
        event.updatedAt = event.createdAt;
        event.persist();
        return event;
    }

    /**
     * Replaces what the organiser wrote. A draft may change anything. A public event keeps its slug,
     * so that shared links keep working, and its time, which changes only by rescheduling, so that
     * registrants are told why.
     */
    @Transactional
    public Event update(UUID id, EventFields request) {
        Event event = lockedOrThrow(id);
        event.check(EventStep.EDIT);
        String zone = ZoneId.of(request.timeZone()).getId();
        event.checkTimeKept(request.startsAt(), zone);
        if (event.status == EventState.DRAFT) {
            requireFuture(request.startsAt(), zone);
            if (!Slugs.of(request.title()).equals(Slugs.of(event.title))) {
                event.slug = slugs.unique(request.title().strip());
            }
            event.localStart = request.startsAt();
            event.timeZone = zone;
        }
        describe(event, request);
        changed(event);
        return event;
    }

    /** Everything of the request but the time, which create and update treat differently. */
    private static void describe(Event event, EventFields request) {
        event.title = request.title().strip();
        event.durationMinutes = request.durationMinutes();
        event.joinUrl = request.joinUrl().strip();
        event.summary = trimmed(request.summary());
        event.descriptionHtml = RichText.clean(trimmed(request.description()));
        event.imageUrl = trimmed(request.imageUrl());
        event.imageAlt = event.imageUrl == null ? null : trimmed(request.imageAlt());
        event.livestreamUrl = trimmed(request.livestreamUrl());
        event.host = trimmed(request.host());
        event.supporters = request.supporters() == null ? List.of() : request.supporters().stream().map(String::strip).toList();
        event.chair = request.chair();
        event.speakers = request.speakers() == null ? List.of() : List.copyOf(request.speakers());
        event.capacity = request.capacity();
        event.waitlist = Boolean.TRUE.equals(request.waitlist());
        event.showPlacesLeft = Boolean.TRUE.equals(request.showPlacesLeft());
        event.joinLinkInReminders = Boolean.TRUE.equals(request.joinLinkInReminders());
        event.reminderMinutes = request.reminderMinutes() == null ? EventFields.DEFAULT_REMINDERS
                : request.reminderMinutes().stream().distinct().sorted(Comparator.reverseOrder()).toList();
        event.languages = request.languages() == null || request.languages().isEmpty() ? List.of("en")
                : request.languages().stream().distinct().toList();
    }

    @Transactional
    public Event publish(UUID id) {
        Event event = lockedOrThrow(id);
        event.check(EventStep.PUBLISH);
        event.status = EventState.PUBLISHED;
        changed(event);
        return event;
    }

    /** A new time; the reason goes to registrants with it. */
    @Transactional
    public Event reschedule(UUID id, EventChanges.Reschedule request) {
        Event event = lockedOrThrow(id);
        event.check(EventStep.RESCHEDULE);
        requireFuture(request.startsAt(), request.timeZone());
        event.status = EventState.RESCHEDULED;
        event.localStart = request.startsAt();
        event.timeZone = ZoneId.of(request.timeZone()).getId();
        event.notice = request.reason().strip();
        changed(event);
        return event;
    }

    @Transactional
    public Event cancel(UUID id, EventChanges.Cancellation request) {
        Event event = lockedOrThrow(id);
        event.check(EventStep.CANCEL);
        event.status = EventState.CANCELLED;
        event.notice = request.message().strip();
        changed(event);
        return event;
    }

    /** Once it has started; completing again replaces the links, e.g. to add the report-back later. */
    @Transactional
    public Event complete(UUID id, EventChanges.Completion request) {
        Event event = lockedOrThrow(id);
        event.check(EventStep.COMPLETE);
        event.checkStarted(clock.instant());
        event.status = EventState.COMPLETED;
        event.recordingUrl = request.recordingUrl().strip();
        event.reportBackUrl = request.reportBackUrl() == null || request.reportBackUrl().isBlank() ? null
                : request.reportBackUrl().strip();
        changed(event);
        return event;
    }

    /** Only a draft: nobody outside has seen it. A public event is cancelled instead. */
    @Transactional
    public void delete(UUID id) {
        Event event = lockedOrThrow(id);
        event.check(EventStep.DELETE);
        event.delete();
    }

    public Event find(UUID id) {
        Event event = Event.findById(id);
        if (event == null) {
            throw new NoSuchEvent(id);
        }
        return event;
    }

    public List<Event> list() {
        return Event.list("order by localStart");
    }

    private Event lockedOrThrow(UUID id) {
        Event event = Event.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new NoSuchEvent(id);
        }
        return event;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void requireFuture(LocalDateTime start, String timeZone) {
        if (!start.atZone(ZoneId.of(timeZone)).toInstant().isAfter(clock.instant())) {
            throw ProblemException.invalidField("startsAt", "must be in the future");
        }
    }

    private void changed(Event event) {
        event.version++;
        event.updatedAt = Instant.now(clock);
        if (event.status != EventState.DRAFT) {
            outbox.publish(MessageType.EVENT_SNAPSHOT, event.id.toString(), event.snapshot());
        }
    }
}
