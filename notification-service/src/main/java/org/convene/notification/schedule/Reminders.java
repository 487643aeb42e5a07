package org.convene.notification.schedule;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.delivery.EmailKind;

/**
 * Plans reminders on the event's schedule (its {@code reminderMinutes}, 24 hours and 1 hour before by
 * default) for registrants who hold a place. A reminder whose time has already passed is never planned:
 * someone who registers 3 hours before gets the 1-hour reminder only. Each reminder's key names the
 * start it was planned for, so that a new title changes nothing, while a new time plans new reminders
 * (and registrants who already had one for the old time get one for the new).
 */
@ApplicationScoped
public class Reminders {

    /** Minutes before the start, from the snapshot's details; the default when an old snapshot has none. */
    private static final String MINUTES = """
            (select m::int from jsonb_array_elements_text(
                    coalesce(e.details -> 'reminderMinutes', '[1440, 60]'::jsonb)) as m)""";

    private static final String PLAN = """
            insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, status, attempts,
                    due_at, created_at, planned_start, minutes_before)
            select gen_random_uuid(),
                    'reminder/' || r.registration_id || '/' || minutes.m || '/'
                            || to_char(e.starts_at at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
                    'REMINDER', r.registration_id, r.event_id, 'PENDING', 0,
                    e.starts_at - make_interval(mins => minutes.m), :now, e.starts_at, minutes.m
            from recipient r
            join known_event e on e.id = r.event_id
            cross join lateral %s as minutes(m)
            where r.event_id = :eventId and r.state in ('REGISTERED', 'PROMOTED')
              and e.status in ('PUBLISHED', 'RESCHEDULED')
              and e.starts_at - make_interval(mins => minutes.m) > :now
              %s
            on conflict (idempotency_key) do nothing""";

    private final EntityManager entityManager;
    private final ScheduleCounts counts;
    private final Clock clock;

    public Reminders(EntityManager entityManager, ScheduleCounts counts, Clock clock) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.clock = clock;
    }

    /** The reminders still ahead for one registrant who now holds a place. */
    @Transactional(TxType.MANDATORY)
    public void planFor(UUID registrationId, UUID eventId) {
        lockPlansOf(eventId);
        counts.changed(eventId, EmailKind.REMINDER,
                entityManager.createNativeQuery(PLAN.formatted(MINUTES, "and r.registration_id = :registrationId"))
                        .setParameter("eventId", eventId)
                        .setParameter("registrationId", registrationId)
                        .setParameter("now", clock.instant())
                        .executeUpdate());
    }

    /**
     * After a new snapshot: pending reminders that no longer fit (the event moved, its schedule changed,
     * it is over or called off) are withdrawn, and those that are missing are planned.
     */
    @Transactional(TxType.MANDATORY)
    public void replan(UUID eventId) {
        lockPlansOf(eventId);
        int withdrawn = entityManager.createNativeQuery("""
                delete from scheduled_email s using known_event e
                where s.event_id = e.id and s.event_id = :eventId and s.kind = 'REMINDER' and s.status = 'PENDING'
                  and (e.status not in ('PUBLISHED', 'RESCHEDULED') or s.planned_start <> e.starts_at
                       or s.minutes_before not in %s)""".formatted(MINUTES))
                .setParameter("eventId", eventId)
                .executeUpdate();
        int planned = entityManager.createNativeQuery(PLAN.formatted(MINUTES, ""))
                .setParameter("eventId", eventId)
                .setParameter("now", clock.instant())
                .executeUpdate();
        counts.changed(eventId, EmailKind.REMINDER, planned - withdrawn);
    }

    /**
     * One plan of an event's reminders at a time, until the transaction ends. Without it, a registration
     * and the event's first snapshot read from their two topics at once would each miss the other's
     * uncommitted row, and neither would plan the registrant's reminders.
     */
    private void lockPlansOf(UUID eventId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:eventId, 0))")
                .setParameter("eventId", eventId.toString())
                .getSingleResult();
    }
}
