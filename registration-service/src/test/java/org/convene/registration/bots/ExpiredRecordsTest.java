package org.convene.registration.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What can no longer matter is deleted; what still can is kept. */
@QuarkusTest
class ExpiredRecordsTest {

    @Inject
    ExpiredRecords expiredRecords;

    @Inject
    EntityManager entityManager;

    @Test
    void spentChallengesGoWhenExpiredAndCountersADayAfterTheirWindow() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String expired = "expired-" + UUID.randomUUID();
        String live = "live-" + UUID.randomUUID();
        String oldWindow = "old-" + UUID.randomUUID();
        String recentWindow = "recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            insert("insert into spent_challenge (signature, expires_at) values (?1, ?2)", expired, now.minusMinutes(1));
            insert("insert into spent_challenge (signature, expires_at) values (?1, ?2)", live, now.plusMinutes(10));
            insert("insert into rate_window (subject, window_start, hits) values (?1, ?2, 1)", oldWindow,
                    now.minus(Duration.ofHours(25)));
            insert("insert into rate_window (subject, window_start, hits) values (?1, ?2, 1)", recentWindow,
                    now.minus(Duration.ofHours(1)));
        });

        expiredRecords.forget();

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select signature from spent_challenge where signature in (?1, ?2) "
                        + "union all select subject from rate_window where subject in (?3, ?4)")
                .setParameter(1, expired).setParameter(2, live).setParameter(3, oldWindow)
                .setParameter(4, recentWindow).getResultList())).isEqualTo(List.of(live, recentWindow));
    }

    private void insert(String sql, String key, OffsetDateTime time) {
        entityManager.createNativeQuery(sql).setParameter(1, key).setParameter(2, time).executeUpdate();
    }
}
