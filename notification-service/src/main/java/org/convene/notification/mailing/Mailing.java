package org.convene.notification.mailing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.mailing.MailingAudience;
import org.convene.contracts.mailing.MailingRequested;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organiser's message as requested: to the registrants, or as a test to one address. */
@Entity
@Table(name = "mailing")
public class Mailing extends PanacheEntityBase {

    @Id
    @Column(name = "send_id")
    public UUID sendId;

    @Column(name = "mailing_id", nullable = false)
    public UUID mailingId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String subject;

    /** Plain text, as the organiser wrote it. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailingAudience audience;

    /** The one address of a test; null for the send to the registrants. */
    @Column(name = "test_to")
    public String testTo;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** The body as paragraphs: a blank line separates them, as the organiser was told. */
    public List<String> paragraphs() {
        return MailingRequested.paragraphs(body);
    }
}
