package org.convene.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.convene.contracts.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The notes that keep a deliveries message from being counted twice go, but not while it could come again. */
@QuarkusTest
class DeliveryNotesExpiryTest {

    @Inject
    DeliveryNotesExpiry expiry;

    @Inject
    EntityManager entityManager;

    @Test
    void aNoteOlderThanAnyCopyOfItsMessageIsDeletedAndAYoungerOneKept() {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        note(old, DeliveryNotesExpiry.KEPT.plusHours(1));
        note(young, DeliveryNotesExpiry.KEPT.minusHours(1));

        expiry.forgetOldNotes();

        assertThat(noted(old)).isFalse();
        assertThat(noted(young)).isTrue();
    }

    @Test
    void notesAreKeptForLongerThanTheTopicKeepsMessages() {
        assertThat(DeliveryNotesExpiry.KEPT).isGreaterThan(Topics.RETENTION.plusDays(7));
    }

    private void note(String messageId, Duration age) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into delivery_applied (message_id, applied_at) values (?1, now() - make_interval(secs => ?2))")
                .setParameter(1, messageId)
                .setParameter(2, age.toSeconds())
                .executeUpdate());
    }

    private boolean noted(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from delivery_applied where message_id = ?1")
                .setParameter(1, messageId)
                .getSingleResult()).intValue() == 1);
    }
}
