package org.convene.registration.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventReplica;
import org.convene.contracts.event.EventStatus;

/** The catalogue: this service's copy of the public events, as the latest snapshots on {@code events} describe them. */
@Entity
@Table(name = "catalogue_event")
public class CatalogueEvent extends EventReplica {

    /** How many may hold a place; empty for no limit. */
    public Optional<Integer> capacity() {
        return Optional.ofNullable(details).map(EventDetails::capacity);
    }

    /** Whether people wait for a place once the event is full, rather than being turned away. */
    public boolean hasWaitlist() {
        return details != null && details.waitlist();
    }

    /** The host and the supporting organisations, in the organiser's order, each once. */
    public List<String> organisations() {
        if (details == null) {
            return List.of();
        }
        return Stream.concat(Stream.ofNullable(details.host()), details.supporters().stream())
                .filter(name -> !name.isBlank()).distinct().toList();
    }

    /** Why nobody can register at {@code now}, or empty while registration is open. */
    public Optional<String> closedReason(Instant now) {
        if (status == EventStatus.CANCELLED) {
            return Optional.of("Registration for this event is closed: the event was cancelled.");
        }
        if (status == EventStatus.COMPLETED || !endsAt().isAfter(now)) {
            return Optional.of("Registration for this event is closed: the event has ended.");
        }
        return Optional.empty();
    }

    /** Open events that have not ended by {@code now}, soonest first. */
    @SuppressWarnings("unchecked")
    public static List<CatalogueEvent> upcoming(Instant now) {
        // SQL rather than HQL: the end is start plus a per-row number of minutes.
        return getEntityManager().createNativeQuery("""
                select * from catalogue_event
                where status in ('PUBLISHED', 'RESCHEDULED')
                  and starts_at + make_interval(mins => duration_minutes) > :now
                order by starts_at""", CatalogueEvent.class)
                .setParameter("now", now)
                .getResultList();
    }
}
