package org.convene.events.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Sign-in counters go a day after their window; those that may still count stay. */
@QuarkusTest
class ExpiredSignInRecordsTest {

    @Inject
    ExpiredSignInRecords expiry;

    @Inject
    EntityManager entityManager;

    @Test
    void aCounterGoesADayAfterItsWindow() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            for (var row : List.of(List.of(old, now.minusHours(25)), List.of(recent, now.minusMinutes(20)))) {
                entityManager.createNativeQuery("insert into rate_window (subject, window_start, hits) values (?1, ?2, 1)")
                        .setParameter(1, row.get(0)).setParameter(2, row.get(1)).executeUpdate();
            }
        });

        expiry.forget();

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select subject from rate_window where subject in (?1, ?2)")
                .setParameter(1, old).setParameter(2, recent).getResultList())).containsExactly(recent);
    }
}
