package org.convene.notification.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.delivery.EmailKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One email the service has promised to send, to one registrant. Rows are inserted by the schedule
 * (natively, so that a repeated idempotency key is a no-op) and claimed by {@link EmailClaims}.
 */
@Entity
@Table(name = "scheduled_email")
public class ScheduledEmail extends PanacheEntityBase {

    @Id
    public UUID id;

    /** What makes two requests for the same email one email, e.g. {@code confirmation/{registrationId}}. */
    @Column(name = "idempotency_key", nullable = false, unique = true)
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmailKind kind;

    @Column(name = "registration_id", nullable = false)
    public UUID registrationId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmailStatus status;

    /** Failed sends so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** For a reminder: the start it was planned for. */
    @Column(name = "planned_start")
    public Instant plannedStart;

    /** For a reminder: how long before that start it goes out. */
    @Column(name = "minutes_before")
    public Integer minutesBefore;

    /** For an organiser's message: the request it belongs to (for a test, also its registration_id). */
    @Column(name = "send_id")
    public UUID sendId;

    /** While SENDING: when the dispatcher's claim runs out and the email is due again. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** When it was given up on (FAILED). */
    @Column(name = "failed_at")
    public Instant failedAt;

    /** When it was sent once more on request: never again after that. */
    @Column(name = "resent_at")
    public Instant resentAt;
}
