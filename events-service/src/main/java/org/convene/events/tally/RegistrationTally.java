package org.convene.events.tally;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.registration.RegistrationState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One registration's latest state, without who it is: what the organiser's counts are made of. */
@Entity
@Table(name = "registration_tally")
public class RegistrationTally extends PanacheEntityBase {

    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationState state;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * For each of the events, how many of its registrations are in each state, in one query; states
     * with none, and events with none, are left out.
     */
    public static Map<UUID, Map<RegistrationState, Long>> countsFor(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of(); // no query: "in ()" is not SQL
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                select t.eventId, t.state, count(t) from RegistrationTally t
                where t.eventId in :events group by t.eventId, t.state""", Object[].class)
                .setParameter("events", eventIds).getResultList();
        Map<UUID, Map<RegistrationState, Long>> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(RegistrationState.class))
                    .put((RegistrationState) row[1], (Long) row[2]);
        }
        return counts;
    }
}
