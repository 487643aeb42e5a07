package org.convene.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.notification.Events;
import org.convene.notification.ScheduledEmails;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.event.KnownEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Registrants' names, addresses and emails have an end: twelve months after the event they go. */
@QuarkusTest
class RecipientRetentionTest {

    @Inject
    TopicsAndMailbox ends;

    @Inject
    RecipientRetention retention;

    @Test
    void theRecipientsAndEmailsOfAnEventThatEndedOverAYearAgoGoAndOthersStay() {
        EventSnapshot past = ends.publishEvent("Held long ago");
        EventSnapshot recent = ends.publishEvent("Held last month");
        UUID gone = registered(past);
        UUID kept = registered(recent);

        moved(past, ZonedDateTime.now(TopicsAndMailbox.LONDON).minusMonths(13));
        moved(recent, ZonedDateTime.now(TopicsAndMailbox.LONDON).minusMonths(11));

        assertThat(retention.forgetPast()).isGreaterThanOrEqualTo(2);

        assertThat(recipient(gone)).isNull();
        assertThat(ScheduledEmails.of(gone)).isEmpty();
        assertThat(recipient(kept)).isNotNull();
        assertThat(ScheduledEmails.of(kept)).isNotEmpty();
    }

    private UUID registered(EventSnapshot event) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Hana Condori",
                TopicsAndMailbox.uniqueAddress(), "en", null));
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> recipient(registration) != null
                && !ScheduledEmails.of(registration).isEmpty());
        return registration;
    }

    private void moved(EventSnapshot event, ZonedDateTime start) {
        ends.publish(Events.next(event, EventStatus.COMPLETED, start, null, "https://video.example.org/" + event.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownEvent.<KnownEvent> findById(event.id()).version == event.version() + 1));
    }

    private static Recipient recipient(UUID registration) {
        return QuarkusTransaction.requiringNew().call(() -> Recipient.<Recipient> findById(registration));
    }
}
