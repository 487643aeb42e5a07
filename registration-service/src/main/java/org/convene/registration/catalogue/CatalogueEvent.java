package org.convene.registration.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventStatus;
import org.convene.platform.event.EventReplica;

/** The catalogue: this service's copy of the public events, as the latest snapshots on {@code events} describe them. */
@Entity
@Table(name = "catalogue_event")
public class CatalogueEvent extends EventReplica {

    /** How many may hold a place; empty for no limit. */
    public Optional<Integer> capacity() {
        return Optional.ofNullable(details).map(EventDetails::capacity);
    }

    /** Whether the organiser wants the public page to say how many places are left. */
    public boolean showsPlacesLeft() {
        return details != null && details.showPlacesLeft() && details.capacity() != null;
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

    /** Why registration is closed. */
    public enum Closure {
        CANCELLED("Registration for this event is closed: the event was cancelled."),
        ENDED("Registration for this event is closed: the event has ended.");

        private final String detail;

        Closure(String detail) {
            this.detail = detail;
        }

        /** For the API's problem answers; the pages say it in their own language. */
        public String detail() {
            return detail;
        }
    }

    /** Why nobody can register at {@code now}, or empty while registration is open. */
    public Optional<Closure> closure(Instant now) {
        if (status == EventStatus.CANCELLED) {
            return Optional.of(Closure.CANCELLED);
        }
        if (status == EventStatus.COMPLETED || !endsAt().isAfter(now)) {
            return Optional.of(Closure.ENDED);
        }
        return Optional.empty();
    }

    /** @throws RegistrationClosed while nobody can register at {@code now} */
    public void checkOpen(Instant now) {
        closure(now).ifPresent(why -> {
            throw new RegistrationClosed(why);
        });
    }

    /**
     * A registrant may cancel until the event ends, a called-off event included: their cancellation is
     * still news to the organiser.
     *
     * @throws RegistrationClosed once it has ended
     */
    public void checkCancellable(Instant now) {
        if (!endsAt().isAfter(now)) {
            throw new RegistrationClosed(Closure.ENDED, "The event has ended.");
        }
    }

    /**
     * The event at a page's address: its id, or its slug. A scan of the details is fine at the size of
     * a campaign's catalogue (hundreds of events).
     */
    public static Optional<CatalogueEvent> findByAddress(String idOrSlug) {
        try {
            return Optional.ofNullable(findById(UUID.fromString(idOrSlug)));
        } catch (IllegalArgumentException notAnId) {
            return getEntityManager().createNativeQuery(
                    "select * from catalogue_event where details ->> 'slug' = :slug", CatalogueEvent.class)
                    .setParameter("slug", idOrSlug).getResultStream().findFirst().map(CatalogueEvent.class::cast);
        }
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
