package org.convene.contracts.mailing;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;
import org.convene.contracts.delivery.EmailKind;

/**
 * An operator's or organiser's request to send an event's failed emails once more, on {@code mailings}
 * keyed by {@code eventId}, once the cause (a relay that refused them, say) is fixed. Each failed email
 * goes at most once more, however often this is asked.
 *
 * @param requestId    this request, for the log and the answer
 * @param kind         only emails of this kind; null for every kind
 * @param failedSince  only emails given up on at or after this; null for no bound
 * @param failedBefore only emails given up on before this; null for no bound
 */
public record EmailsResendRequested(
        UUID requestId,
        UUID eventId,
        EmailKind kind,
        Instant failedSince,
        Instant failedBefore,
        Instant occurredAt) implements MailingMessage {

    public EmailsResendRequested {
        Messages.require(requestId, "requestId");
        Messages.require(eventId, "eventId");
        Messages.require(occurredAt, "occurredAt");
        if (failedSince != null && failedBefore != null && !failedSince.isBefore(failedBefore)) {
            throw new IllegalArgumentException("failedSince must be before failedBefore");
        }
    }
}
