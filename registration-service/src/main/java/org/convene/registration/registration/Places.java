package org.convene.registration.registration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.catalogue.CatalogueChanged;
import org.convene.registration.catalogue.CatalogueEvent;
import org.hibernate.Session;

/**
 * An event's places and its waitlist. Every method expects the event's catalogue row to be locked
 * by the caller's transaction: reading the places taken and taking one is then one step, so the
 * count is exact however many people register in the same second.
 */
@ApplicationScoped
public class Places {

    private final RegistrationMessages messages;
    private final Clock clock;

    public Places(RegistrationMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The state a newcomer gets: a place while there is one, else the waitlist.
     *
     * @throws EventFull when neither is left
     */
    RegistrationState forNewcomer(CatalogueEvent event) {
        return count(event).forNewcomer();
    }

    /** How many places are left, for the public page, when the organiser shows it. */
    public Optional<Integer> leftToShow(CatalogueEvent event) {
        if (!event.showsPlacesLeft()) {
            return Optional.empty();
        }
        return Optional.of(count(event).free());
    }

    /** Gives free places to the longest waiting, in the order they joined the waitlist. */
    public void fillFromWaitlist(CatalogueEvent event, Instant now) {
        if (event.closure(now).isPresent()) {
            return; // a place at an event that is over or called off helps nobody
        }
        int free = count(event).free();
        if (free == 0) {
            return;
        }
        List<Registration> next = Registration.<Registration> find(
                "eventId = ?1 and state = ?2 order by stateSince, id", event.id, RegistrationState.WAITLISTED)
                .page(0, free).list();
        for (Registration registration : next) {
            registration.moveTo(RegistrationState.PROMOTED, now);
            messages.changed(registration, now);
        }
    }

    /** A newer snapshot may bring more places, or none at all: the waitlist moves up at once. */
    void onCatalogueChanged(@Observes CatalogueChanged changed) {
        CatalogueEvent event = CatalogueEvent.findById(changed.eventId(), LockModeType.PESSIMISTIC_WRITE);
        fillFromWaitlist(event, clock.instant());
    }

    /** The event's places now; one without a limit needs no count. */
    private static PlaceCount count(CatalogueEvent event) {
        return PlaceCount.of(event, event.capacity().isEmpty() ? 0 : taken(event));
    }

    /**
     * Read from the count the database keeps as registrations change (migration V6), not counted here.
     * A state changed earlier in the transaction is flushed first, so that the count includes it (a page that
     * only shows the places left has no transaction, and nothing to flush).
     *
     * <p>Over JDBC, not as a Hibernate native query: Hibernate 7.2 keys its plan cache for a native query
     * with a result type by a mapping that never equals the last one, so each registration added an entry
     * under the same hash, and the lookups among them took 17 % of the service's CPU (JFR, benchmarks'
     * scenario 3).
     */
    private static long taken(CatalogueEvent event) {
        Session session = Registration.getSession();
        if (session.isJoinedToTransaction()) {
            session.flush();
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select taken from event_places where event_id = ?")) {
                select.setObject(1, event.id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }
}
