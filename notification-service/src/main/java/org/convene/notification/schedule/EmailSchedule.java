package org.convene.notification.schedule;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.registration.RegistrationState;

/**
 * Promises emails by writing rows to the schedule, due now. Every row has an idempotency key (the kind,
 * the registration and what makes this email of that kind distinct), so that a redelivered message or
 * a repeated snapshot promises nothing twice; an erased registration is promised nothing.
 */
@ApplicationScoped
public class EmailSchedule {

    private final EntityManager entityManager;
    private final ScheduleCounts counts;
    private final Clock clock;

    public EmailSchedule(EntityManager entityManager, ScheduleCounts counts, Clock clock) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * The idempotency key: e.g. {@code confirmation/<registration>} or {@code rescheduled/<registration>/7}.
     * A confirmation asked for the first time has no distinction, so rows written before there were
     * others keep their keys.
     */
    public static String key(EmailKind kind, UUID registrationId, String distinction) {
        return prefix(kind) + registrationId + suffix(distinction);
    }

    /**
     * One email of {@code kind} to one registrant; {@code distinction} as in {@link #key}. Says whether
     * it is a new promise (not one made before, for a message read again).
     */
    @Transactional(TxType.MANDATORY)
    public boolean toOne(EmailKind kind, UUID registrationId, UUID eventId, String distinction) {
        int promised = entityManager.createNativeQuery("""
                insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, status, attempts,
                        due_at, created_at)
                select :id, :key, :kind, :registrationId, :eventId, 'PENDING', 0, :now, :now
                where not exists (select 1 from erased_registration where registration_id = :registrationId)
                on conflict (idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", key(kind, registrationId, distinction))
                .setParameter("kind", kind.name())
                .setParameter("registrationId", registrationId)
                .setParameter("eventId", eventId)
                .setParameter("now", clock.instant())
                .executeUpdate();
        counts.changed(eventId, kind, promised);
        return promised == 1;
    }

    /** One email of {@code kind} to every registrant of the event who is in one of {@code states}. */
    @Transactional(TxType.MANDATORY)
    public void toEveryone(EmailKind kind, UUID eventId, String distinction, RegistrationState... states) {
        int promised = entityManager.createNativeQuery("""
                insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, status, attempts,
                        due_at, created_at)
                select gen_random_uuid(), :prefix || r.registration_id || :suffix, :kind, r.registration_id,
                        r.event_id, 'PENDING', 0, :now, :now
                from recipient r
                where r.event_id = :eventId and r.state in (:states)
                on conflict (idempotency_key) do nothing""")
                .setParameter("prefix", prefix(kind))
                .setParameter("suffix", suffix(distinction))
                .setParameter("kind", kind.name())
                .setParameter("eventId", eventId)
                .setParameter("states", names(states))
                .setParameter("now", clock.instant())
                .executeUpdate();
        counts.changed(eventId, kind, promised);
    }

    /** Emails of these kinds to the event's registrants that are still pending are not promised any more. */
    @Transactional(TxType.MANDATORY)
    public void withdrawPending(UUID eventId, EmailKind... kinds) {
        counts.takenBack(entityManager.createNativeQuery("""
                delete from scheduled_email
                where event_id = :eventId and kind in (:kinds) and status = 'PENDING'
                returning event_id, kind""")
                .setParameter("eventId", eventId)
                .setParameter("kinds", Arrays.stream(kinds).map(Enum::name).toList())
                .getResultList());
    }

    /** A registrant who cancelled is promised nothing more that is still pending. */
    @Transactional(TxType.MANDATORY)
    public void withdrawPendingFor(UUID registrationId) {
        counts.takenBack(entityManager.createNativeQuery("""
                delete from scheduled_email where registration_id = :id and status = 'PENDING'
                returning event_id, kind""")
                .setParameter("id", registrationId)
                .getResultList());
    }

    static String prefix(EmailKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/";
    }

    private static String suffix(String distinction) {
        return distinction == null ? "" : "/" + distinction;
    }

    private static List<String> names(RegistrationState... states) {
        return Arrays.stream(states).map(Enum::name).toList();
    }
}
