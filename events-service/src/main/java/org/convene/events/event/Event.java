package org.convene.events.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventSnapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Grows with every change; the snapshot on {@code events} carries it. */
    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventState status;

    @Column(nullable = false)
    public String title;

    /** The wall-clock start in {@link #timeZone}, as the organiser typed it. */
    @Column(name = "local_start", nullable = false)
    public LocalDateTime localStart;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "join_url", nullable = false)
    public String joinUrl;

    /** The organiser's word on the latest change, passed on to registrants. */
    public String notice;

    @Column(name = "recording_url")
    public String recordingUrl;

    @Column(name = "report_back_url")
    public String reportBackUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The start under today's rules of the zone. */
    public OffsetDateTime startsAt() {
        return localStart.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    EventSnapshot snapshot() {
        return new EventSnapshot(id, version, status.published(), title, startsAt(), timeZone, durationMinutes,
                joinUrl, notice, recordingUrl, reportBackUrl);
    }
}
