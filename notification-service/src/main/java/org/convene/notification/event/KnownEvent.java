package org.convene.notification.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventSnapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** This service's copy of a public event: what its emails need to say about it. */
@Entity
@Table(name = "known_event")
public class KnownEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The snapshot version applied last; an older or repeated snapshot changes nothing. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "join_url", nullable = false)
    public String joinUrl;

    void copy(EventSnapshot snapshot) {
        version = snapshot.version();
        status = snapshot.status().name();
        title = snapshot.title();
        startsAt = snapshot.startsAt().toInstant();
        timeZone = snapshot.timeZone();
        durationMinutes = snapshot.durationMinutes();
        joinUrl = snapshot.joinUrl();
    }
}
