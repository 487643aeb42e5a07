package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pace for relays that cap emails per second, on a clock the test moves itself. */
@Tag("unit")
class SendRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> waits = new ArrayList<>();

    /** Waiting moves the clock on by as long as was waited. */
    private SendRate rate(double perSecond) {
        return new SendRate(perSecond, now::get, nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void tenPerSecondSpacesSendsATenthOfASecondApart() {
        SendRate rate = rate(10);
        for (int i = 0; i < 5; i++) {
            rate.acquire();
        }
        // The first goes at once; each next one waits its turn.
        assertThat(waits).containsExactly(100_000_000L, 100_000_000L, 100_000_000L, 100_000_000L);
        assertThat(now.get()).isEqualTo(1_400_000_000L);
    }

    @Test
    void timeAlreadyPassedIsNotWaitedForAgain() {
        SendRate rate = rate(10);
        rate.acquire();
        now.addAndGet(250_000_000L);
        rate.acquire();
        rate.acquire();
        assertThat(waits).containsExactly(100_000_000L);
    }

    @Test
    void noLimitNeverWaits() {
        SendRate rate = rate(0);
        for (int i = 0; i < 1000; i++) {
            rate.acquire();
        }
        assertThat(waits).isEmpty();
        assertThat(rate.timeFor(100).isZero()).isTrue();
        assertThat(rate(20).timeFor(100).toMillis()).isEqualTo(5000);
    }
}
