package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.convene.contracts.delivery.EmailKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MailRetryTest {

    /** The defaults of application.properties, and organisers' messages kept for two days. */
    private final MailRetry retry = new MailRetry() {
        @Override
        public Duration firstPause() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration maxPause() {
            return Duration.ofMinutes(30);
        }

        @Override
        public Duration lifetime() {
            return Duration.ofDays(5);
        }

        @Override
        public Map<String, Duration> lifetimeByKind() {
            return Map.of("organiser_message", Duration.ofDays(2));
        }

        @Override
        public Duration relayFirstPause() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration relayMaxPause() {
            return Duration.ofMinutes(5);
        }
    };

    private static final Instant PROMISED = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void thePauseDoublesFromTheFirstUpToTheLongest() {
        assertThat(List.of(1, 2, 3, 6, 7, 30).stream().map(retry::pauseAfter).map(Duration::toSeconds))
                .containsExactly(30L, 60L, 120L, 960L, 1800L, 1800L);
    }

    @Test
    void anEmailIsTriedForItsLifetimeFromWhenItWasPromised() {
        assertThat(retry.isOver(EmailKind.CONFIRMATION, PROMISED, PROMISED.plus(Duration.ofDays(5)))).isFalse();
        assertThat(retry.isOver(EmailKind.CONFIRMATION, PROMISED, PROMISED.plus(Duration.ofDays(5)).plusSeconds(1)))
                .isTrue();
    }

    @Test
    void aKindMayHaveALifetimeOfItsOwn() {
        assertThat(retry.isOver(EmailKind.ORGANISER_MESSAGE, PROMISED, PROMISED.plus(Duration.ofDays(3)))).isTrue();
        assertThat(retry.isOver(EmailKind.EVENT_CANCELLED, PROMISED, PROMISED.plus(Duration.ofDays(3)))).isFalse();
    }

    /** A reminder is promised weeks ahead of when it falls due: it is tried until its event starts instead. */
    @Test
    void aReminderIsNeverOverByItsLifetime() {
        assertThat(retry.isOver(EmailKind.REMINDER, PROMISED, PROMISED.plus(Duration.ofDays(40)))).isFalse();
    }
}
