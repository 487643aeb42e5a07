package org.convene.events.mailing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convene.contracts.mailing.MailingAudience;

/**
 * A mailing as the organiser API shows it.
 *
 * @param sendId the request that sent it to the registrants; null until it is sent
 */
public record MailingView(UUID id, UUID eventId, String subject, String body, MailingAudience audience,
        MailingStatus status, Instant createdAt, Instant testedAt, Instant sentAt, UUID sendId) {

    static MailingView of(Mailing m) {
        return new MailingView(m.id, m.eventId, m.subject, m.body, m.audience, m.status, m.createdAt, m.testedAt,
                m.sentAt, m.sendId);
    }

    static List<MailingView> all(List<Mailing> mailings) {
        return mailings.stream().map(MailingView::of).toList();
    }
}
