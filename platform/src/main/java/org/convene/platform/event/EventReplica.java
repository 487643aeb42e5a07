package org.convene.platform.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;

/**
 * A consuming service's own copy of a public event, kept from the {@code events} topic. Each service
 * maps it to a table of its own (its schema stays its own) and adds what it needs. Services that
 * map it need {@code quarkus.hibernate-orm.mapping.format.global=ignore} for the JSON column.
 */
@MappedSuperclass
public abstract class EventReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The snapshot version applied last; an older or repeated snapshot changes nothing. */
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

    /** The organiser's word on the latest change (why it moved, why it was called off). */
    public String notice;

    @Column(name = "recording_url")
    public String recordingUrl;

    @Column(name = "report_back_url")
    public String reportBackUrl;

    /** Null for an event whose snapshots predate the details; its description is cleaned on the way in. */
    @JdbcTypeCode(SqlTypes.JSON)
    public EventDetails details;

    /** Takes the snapshot if it is newer than what is held; says whether it did. */
    public boolean apply(EventSnapshot snapshot) {
        if (id != null && snapshot.version() <= version) {
            return false;
        }
        id = snapshot.id();
        version = snapshot.version();
        status = snapshot.status();
        title = snapshot.title();
        startsAt = snapshot.startsAt().toInstant();
        timeZone = snapshot.timeZone();
        durationMinutes = snapshot.durationMinutes();
        joinUrl = snapshot.joinUrl();
        notice = snapshot.notice();
        recordingUrl = snapshot.recordingUrl();
        reportBackUrl = snapshot.reportBackUrl();
        details = snapshot.details() == null ? null : snapshot.details().withCleanDescription();
        return true;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }
}
