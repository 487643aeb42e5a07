package org.convene.registration.registration;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.retention.PastEvents;
import org.convene.platform.retention.Retention;
import org.convene.platform.worker.ShutdownGuard;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the registrations, with their consent answers (by cascade), of events that ended longer ago than
 * the retention ({@link Retention}). No message goes out: the other services keep their own data for as
 * long, and events-service's counts name nobody and stay.
 */
@ApplicationScoped
public class RegistrationRetention {

    private static final String DELETE = """
            delete from registration where id in (
                select r.id from registration r join catalogue_event e on e.id = r.event_id
                where e.starts_at + make_interval(mins => e.duration_minutes) < ?1
                limit ?2)""";

    private final PastEvents pastEvents;
    private final ShutdownGuard guard;

    public RegistrationRetention(PastEvents pastEvents, ShutdownGuard guard) {
        this.pastEvents = pastEvents;
        this.guard = guard;
    }

    // Every replica may run it: each batch deletes what no other has.
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastEvents() {
        guard.run("Deleting the registrations of long-past events", this::forgetPast);
    }

    /** @return how many registrations were deleted */
    public int forgetPast() {
        return pastEvents.forget("registrations", List.of(DELETE));
    }
}
