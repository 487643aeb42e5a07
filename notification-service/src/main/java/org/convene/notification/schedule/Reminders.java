package org.convene.notification.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventStatus;

/**
 * Plans reminders on the event's schedule ({@link ReminderPlan}) for registrants who hold a place. The
 * plan is the event's, so it is worked out here once and written for all its registrants in one statement.
 */
@ApplicationScoped
public class Reminders {

    private static final String PLAN = """
            insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, status, attempts,
                    due_at, created_at, planned_start, minutes_before)
            select gen_random_uuid(), :prefix || r.registration_id || '/' || reminder.distinction,
                    'REMINDER', r.registration_id, r.event_id, 'PENDING', 0,
                    reminder.due_at, :now, :start, reminder.minutes
            from recipient r
            cross join unnest(cast(:minutes as int[]), cast(:dueAts as timestamptz[]),
                    cast(:distinctions as text[])) as reminder(minutes, due_at, distinction)
            where r.event_id = :eventId and r.state in ('REGISTERED', 'PROMOTED')
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
        currentPlan(eventId).ifPresent(plan -> counts.changed(eventId, EmailKind.REMINDER,
                plan(plan, eventId, "and r.registration_id = :registrationId")
                        .setParameter("registrationId", registrationId)
                        .executeUpdate()));
    }

    /**
     * After a new snapshot: pending reminders that no longer fit (the event moved, its schedule changed,
     * it is over or called off) are withdrawn, and those that are missing are planned.
     */
    @Transactional(TxType.MANDATORY)
    public void replan(UUID eventId) {
        lockPlansOf(eventId);
        ReminderPlan plan = currentPlan(eventId).orElseThrow();
        int withdrawn = entityManager.createNativeQuery("""
                delete from scheduled_email
                where event_id = :eventId and kind = 'REMINDER' and status = 'PENDING'
                  and (planned_start <> :start or not (minutes_before = any (cast(:minutes as int[]))))""")
                .setParameter("eventId", eventId)
                .setParameter("start", plan.start())
                .setParameter("minutes", arrayOf(plan.minutesBefore()))
                .executeUpdate();
        counts.changed(eventId, EmailKind.REMINDER, plan(plan, eventId, "").executeUpdate() - withdrawn);
    }

    private Query plan(ReminderPlan plan, UUID eventId, String registrantOnly) {
        List<Integer> ahead = plan.ahead(clock.instant());
        return entityManager.createNativeQuery(PLAN.formatted(registrantOnly))
                .setParameter("prefix", EmailSchedule.prefix(EmailKind.REMINDER))
                .setParameter("eventId", eventId)
                .setParameter("now", clock.instant())
                .setParameter("start", plan.start())
                .setParameter("minutes", arrayOf(ahead))
                .setParameter("dueAts", arrayOf(ahead.stream().map(plan::dueAt).toList()))
                .setParameter("distinctions", arrayOf(ahead.stream().map(plan::distinction).toList()));
    }

    /**
     * The event as it stands once the plans are locked: read here rather than from an entity loaded earlier
     * in the transaction, which would not show a change committed while this one waited for the lock.
     * Empty while the event is not known here yet: its first snapshot plans for everyone who came first.
     */
    private Optional<ReminderPlan> currentPlan(UUID eventId) {
        List<?> rows = entityManager.createNativeQuery("""
                select e.status, e.starts_at, e.details -> 'reminderMinutes' is not null as chosen,
                        (select string_agg(m, ',') from jsonb_array_elements_text(e.details -> 'reminderMinutes') m)
                                as minutes
                from known_event e where e.id = :eventId""")
                .setParameter("eventId", eventId)
                .unwrap(NativeQuery.class)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("starts_at", StandardBasicTypes.INSTANT)
                .addScalar("chosen", StandardBasicTypes.BOOLEAN)
                .addScalar("minutes", StandardBasicTypes.STRING)
                .getResultList();
        return rows.stream().findFirst().map(Object[].class::cast).map(row -> ReminderPlan.of(
                EventStatus.valueOf((String) row[0]), (Instant) row[1],
                !(Boolean) row[2] ? null : row[3] == null ? List.of()
                        : Arrays.stream(((String) row[3]).split(",")).map(Integer::valueOf).toList()));
    }

    /** A PostgreSQL array literal of values whose text needs no quoting (numbers, instants, keys). */
    private static String arrayOf(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
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
