package org.convene.events.tally;

import java.time.Instant;
import java.util.EnumMap;
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

    /** How many registrations of the event are in each state; states with none are left out. */
    public static Map<RegistrationState, Long> countsFor(UUID eventId) {
        List<Object[]> rows = getEntityManager().createQuery(
                "select t.state, count(t) from RegistrationTally t where t.eventId = :event group by t.state",
                Object[].class).setParameter("event", eventId).getResultList();
        Map<RegistrationState, Long> counts = new EnumMap<>(RegistrationState.class);
        for (Object[] row : rows) {
            counts.put((RegistrationState) row[0], (Long) row[1]);
        }
        return counts;
    }
}
