package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

@Tag("unit")
class RelayBreakerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final RelayBreaker breaker = new RelayBreaker(Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static List<Throwable> outcomes(Throwable... each) {
        return Arrays.asList(each);
    }

    private static Throwable refused() {
        return new ConnectException("Connection refused");
    }

    @Test
    void aBatchThatFoundNoRelayOpensItAndOnlyAProbeGoesAfterThePause() {
        assertThat(breaker.isClosed()).isTrue();
        assertThat(breaker.observe(outcomes(refused(), refused()), T0)).isTrue();

        assertThat(breaker.isClosed()).isFalse();
        assertThat(breaker.probeDue(T0.plusSeconds(4))).isFalse();
        assertThat(breaker.probeDue(T0.plusSeconds(5))).isTrue();
    }

    @Test
    void eachFailedProbeDoublesThePauseUpToItsLongest() {
        breaker.observe(outcomes(refused()), T0);
        List<Long> pauses = new java.util.ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 5; i++) {
            now = now.plus(breaker.pause());
            breaker.observe(outcomes(refused()), now);
            pauses.add(breaker.pause().toSeconds());
        }
        assertThat(pauses).containsExactly(10L, 20L, 30L, 30L, 30L);
    }

    @Test
    void theFirstEmailTheRelayTakesClosesIt() {
        breaker.observe(outcomes(refused()), T0);
        assertThat(breaker.observe(outcomes((Throwable) null), T0.plusSeconds(5))).isFalse();
        assertThat(breaker.isClosed()).isTrue();
        assertThat(breaker.probeDue(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void anAnswerFromTheRelayIsNoOutageEvenARefusal() {
        assertThat(breaker.observe(outcomes(new SMTPException("no", 550, List.of("550 5.1.1 unknown"), true)), T0))
                .isFalse();
        assertThat(breaker.observe(outcomes(new java.io.IOException("Connection reset")), T0)).isFalse();
        assertThat(breaker.isClosed()).isTrue();
    }

    @Test
    void aBatchWithOneEmailSentKeepsItClosedWhateverElseFailed() {
        assertThat(breaker.observe(outcomes(refused(), null, refused()), T0)).isFalse();
        assertThat(breaker.isClosed()).isTrue();
    }
}
