package org.convene.registration.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** This service's copy of a public event, as the latest snapshot on {@code events} describes it. */
@Entity
@Table(name = "catalogue_event")
public class CatalogueEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The snapshot version applied; an older or equal one changes nothing. */
    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    /** Private to registrants: never on a public page. */
    @Column(name = "join_url", nullable = false)
    public String joinUrl;

    static CatalogueEvent of(EventSnapshot snapshot) {
        CatalogueEvent event = new CatalogueEvent();
        event.id = snapshot.id();
        event.update(snapshot);
        return event;
    }

    void update(EventSnapshot snapshot) {
        version = snapshot.version();
        status = snapshot.status();
        title = snapshot.title();
        startsAt = snapshot.startsAt().toInstant();
        timeZone = snapshot.timeZone();
        durationMinutes = snapshot.durationMinutes();
        joinUrl = snapshot.joinUrl();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
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
