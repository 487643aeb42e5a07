package org.convene.notification.recipient;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.retention.PastEvents;
import org.convene.platform.retention.Retention;
import org.convene.platform.worker.ShutdownGuard;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what is kept to write to the registrants of events that ended longer ago than the retention
 * ({@link Retention}): their names and addresses (recipients), their emails, and the event's organiser
 * messages with their test addresses. The counts events-service keeps name nobody, and stay.
 */
@ApplicationScoped
public class RecipientRetention {

    private static final String ENDED = " join known_event e on e.id = %s.event_id"
            + " where e.starts_at + make_interval(mins => e.duration_minutes) < ?1 limit ?2)";

    /** Emails first, then whom they were to, then the organisers' messages. */
    private static final List<String> DELETES = List.of(
            "delete from scheduled_email where id in (select s.id from scheduled_email s" + ENDED.formatted("s"),
            "delete from recipient where registration_id in (select r.registration_id from recipient r"
                    + ENDED.formatted("r"),
            "delete from mailing where send_id in (select m.send_id from mailing m" + ENDED.formatted("m"));

    private final PastEvents pastEvents;
    private final ShutdownGuard guard;

    public RecipientRetention(PastEvents pastEvents, ShutdownGuard guard) {
        this.pastEvents = pastEvents;
        this.guard = guard;
    }

    // Every replica may run it: each batch deletes what no other has.
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastEvents() {
        guard.run("Deleting the registrants' data of long-past events", this::forgetPast);
    }

    /** @return how many rows were deleted */
    public int forgetPast() {
        return pastEvents.forget("recipients, emails and messages", DELETES);
    }
}
