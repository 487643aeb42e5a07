package org.convene.events.tally;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.registration.RegistrationState;

/**
 * Registrations reaching each state, counted per minute: what the organiser's chart draws. Written
 * with the tally, in its transaction, so that a redelivered message counts no more than it does there.
 */
@ApplicationScoped
public class RegistrationActivity {

    /** The registrations of one event that reached {@code state} in the minute starting at {@code minute}. */
    public record Count(Instant minute, RegistrationState state, int count) {
    }

    private final EntityManager entityManager;

    public RegistrationActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(TxType.MANDATORY)
    void record(UUID eventId, RegistrationState state, Instant at) {
        entityManager.createNativeQuery("""
                insert into registration_activity (event_id, minute, state, count) values (?1, ?2, ?3, 1)
                on conflict (event_id, minute, state) do update set count = registration_activity.count + 1""")
                .setParameter(1, eventId)
                .setParameter(2, at.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
                .setParameter(3, state.name())
                .executeUpdate();
    }

    /** The event's counts, oldest minute first. */
    @SuppressWarnings("unchecked")
    public List<Count> of(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select minute, state, count from registration_activity where event_id = ?1 order by minute, state""")
                .setParameter(1, eventId).getResultList();
        return rows.stream().map(r -> new Count(instant(r[0]), RegistrationState.valueOf((String) r[1]),
                ((Number) r[2]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
