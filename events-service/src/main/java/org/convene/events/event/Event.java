package org.convene.events.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.Person;
import org.convene.contracts.text.RichText;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Readable and unique; never changed once the event is public, so links keep working. */
    @Column(nullable = false, unique = true)
    public String slug;

    public String summary;

    /** Cleaned by {@link RichText} when written. */
    @Column(name = "description_html")
    public String descriptionHtml;

    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "image_alt")
    public String imageAlt;

    @Column(name = "livestream_url")
    public String livestreamUrl;

    public String host;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> supporters = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public Person chair;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Person> speakers = List.of();

    public Integer capacity;

    @Column(nullable = false)
    public boolean waitlist;

    @Column(name = "show_places_left", nullable = false)
    public boolean showPlacesLeft;

    /** The joining link goes in the reminders only; the confirmation says it will come. */
    @Column(name = "join_link_in_reminders", nullable = false)
    public boolean joinLinkInReminders;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reminder_minutes", nullable = false)
    public List<Integer> reminderMinutes = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages = List.of();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The start under today's rules of the zone. */
    public OffsetDateTime startsAt() {
        return localStart.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    /** @throws EventStateForbids when the event's state does not allow {@code step} */
    public void check(EventStep step) {
        if (!step.allowedFrom(status)) {
            throw new EventStateForbids(step.refusal(status));
        }
    }

    /**
     * A public event's time changes only by rescheduling, so that registrants are told why; a draft's by
     * editing it.
     *
     * @throws EventStateForbids when a public event would get another time
     */
    public void checkTimeKept(LocalDateTime start, String zone) {
        if (status != EventState.DRAFT && (!localStart.equals(start) || !timeZone.equals(zone))) {
            throw new EventStateForbids("The time of a " + status
                    + " event changes by rescheduling it, with a reason for the registrants");
        }
    }

    /** @throws EventStateForbids before the event has started: only then can it be completed */
    public void checkStarted(Instant now) {
        if (startsAt().toInstant().isAfter(now)) {
            throw new EventStateForbids("An event can be completed once it has started");
        }
    }

    EventSnapshot snapshot() {
        return new EventSnapshot(id, version, status.published(), title, startsAt(), timeZone, durationMinutes,
                joinUrl, notice, recordingUrl, reportBackUrl, details());
    }

    EventDetails details() {
        return new EventDetails(slug, summary, descriptionHtml, imageUrl, imageAlt, livestreamUrl, host, supporters,
                chair, speakers, capacity, waitlist, reminderMinutes, languages, showPlacesLeft, joinLinkInReminders);
    }
}
