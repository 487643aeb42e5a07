package org.convene.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.convene.contracts.MessageType;
import org.convene.contracts.outbox.Outbox;
import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;

/**
 * Creates events and moves them through their life. Every change bumps the version; every change
 * of a public event writes its snapshot to the outbox in the same transaction.
 */
@ApplicationScoped
public class EventLifecycle {

    private final Outbox outbox;
    private final Clock clock;

    public EventLifecycle(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Event create(NewEvent request) {
        if (!request.startsAt().atZone(ZoneId.of(request.timeZone())).toInstant().isAfter(clock.instant())) {
            throw ProblemException.invalidField("startsAt", "must be in the future");
        }
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.version = 1;
        event.status = EventState.DRAFT;
        event.title = request.title().strip();
        event.localStart = request.startsAt();
        event.timeZone = ZoneId.of(request.timeZone()).getId();
        event.durationMinutes = request.durationMinutes();
        event.joinUrl = request.joinUrl().strip();
        event.createdAt = clock.instant();
        event.updatedAt = event.createdAt;
        event.persist();
        return event;
    }

    @Transactional
    public Event publish(UUID id) {
        Event event = lockedOrThrow(id);
        if (event.status != EventState.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Only a draft can be published; this event is " + event.status);
        }
        event.status = EventState.PUBLISHED;
        changed(event);
        return event;
    }

    public Event find(UUID id) {
        Event event = Event.findById(id);
        if (event == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No event " + id);
        }
        return event;
    }

    public List<Event> list() {
        return Event.list("order by localStart");
    }

    private Event lockedOrThrow(UUID id) {
        Event event = Event.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No event " + id);
        }
        return event;
    }

    private void changed(Event event) {
        event.version++;
        event.updatedAt = Instant.now(clock);
        if (event.status != EventState.DRAFT) {
            outbox.publish(MessageType.EVENT_SNAPSHOT, event.id.toString(), event.snapshot());
        }
    }
}
