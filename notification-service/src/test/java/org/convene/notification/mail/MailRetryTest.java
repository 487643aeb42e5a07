package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.convene.contracts.delivery.EmailKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MailRetryTest {

    /** The defaults, and organisers' messages kept for two days. */
    private final MailRetry retry = MailConfigTest
            .read(MailConfigTest.with("convene.mail.retry.lifetime-by-kind.organiser_message", "2D")).retry();

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
