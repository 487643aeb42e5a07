package org.convene.notification.schedule;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailCountChanges;
import org.convene.contracts.delivery.EmailKind;
import org.convene.platform.outbox.Outbox;
import org.convene.platform.transaction.BeforeCommit;

/**
 * Tells {@code deliveries} how an event's email counts changed: emails promised or taken back, and each
 * one's outcome. Summed over the transaction and told as it commits, one {@code EmailsCounted} per event
 * and kind: a batch of 100 reminders is one message, not 100. With these, events-service knows how many
 * are sent and still pending without ever learning who they are for.
 */
@ApplicationScoped
public class EmailCounting {

    private final BeforeCommit beforeCommit;
    private final Outbox outbox;
    private final Clock clock;

    public EmailCounting(BeforeCommit beforeCommit, Outbox outbox, Clock clock) {
        this.beforeCommit = beforeCommit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Emails newly promised ({@code change} positive) or taken back unsent (negative). */
    @Transactional(TxType.MANDATORY)
    public void promised(UUID eventId, EmailKind kind, int change) {
        changes().promised(eventId, kind, change);
    }

    @Transactional(TxType.MANDATORY)
    public void outcome(UUID eventId, EmailKind kind, DeliveryOutcome outcome) {
        changes().outcome(eventId, kind, outcome);
    }

    private EmailCountChanges changes() {
        return beforeCommit.state(EmailCounting.class, EmailCountChanges::new, this::tell);
    }

    private void tell(EmailCountChanges changes) {
        changes.sums(clock.instant()).forEach(counted -> outbox.publish(MessageType.EMAILS_COUNTED,
                counted.eventId().toString(), counted));
    }
}
