package org.convene.events.mailing;

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

/** An organiser's message to the registrants of one event. */
@Entity
@Table(name = "mailing")
public class Mailing extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String subject;

    /** Plain text; a blank line separates paragraphs. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailingAudience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailingStatus status;

    /** The one request that sent it to the registrants, made when it is first sent; null before. */
    @Column(name = "send_id", unique = true)
    public UUID sendId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The last test of the current subject and body; an edit of either needs a new test. */
    @Column(name = "tested_at")
    public Instant testedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /**
     * The body as registrants read it, by the rule notification-service writes it with, so that the
     * preview shows what the email will.
     */
    public List<String> paragraphs() {
        return MailingRequested.paragraphs(body);
    }

    /** @throws MailingAlreadySent once sent, when it would be {@code action}: what was sent is kept as it went out */
    void checkDraft(String action) {
        if (status != MailingStatus.DRAFT) {
            throw new MailingAlreadySent("A message that was sent cannot be " + action + "; write a new one to say more");
        }
    }

    /**
     * Only a draft whose text was tested goes to the audience: the organiser has then read it as registrants
     * will, before it cannot be taken back.
     *
     * @throws MailingAlreadySent when it was sent already
     * @throws MailingUntested when its text has had no test
     */
    void checkSendable() {
        if (status == MailingStatus.SENT) {
            throw new MailingAlreadySent("This message was already sent, at " + sentAt + "; write a new one to say more");
        }
        if (testedAt == null) {
            throw new MailingUntested();
        }
    }

    /** The request for notification-service: to {@code testTo} alone, or to the audience when null. */
    MailingRequested request(UUID requestId, String testTo, Instant now) {
        return new MailingRequested(id, requestId, eventId, subject, body, audience, testTo, now);
    }
}
