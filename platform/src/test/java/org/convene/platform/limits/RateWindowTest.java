package org.convene.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fixed windows the rate limits count in, and what a refused client is told to wait. */
@Tag("unit")
class RateWindowTest {

    private final RateLimits.Limit tenAQuarter = new RateLimits.Limit(10, Duration.ofMinutes(15));

    @Test
    void everyInstantOfAWindowCountsInTheSameOne() {
        Instant start = Instant.parse("2026-12-07T10:15:00Z");
        assertThat(tenAQuarter.windowStart(start)).isEqualTo(start);
        assertThat(tenAQuarter.windowStart(start.plusSeconds(899))).isEqualTo(start);
        assertThat(tenAQuarter.windowStart(start.plusMillis(899_999))).isEqualTo(start);
        assertThat(tenAQuarter.windowStart(start.plusSeconds(900))).isEqualTo(start.plusSeconds(900));
    }

    @Test
    void windowsAreAlignedAlikeInEveryReplicaWhateverTheirStart() {
        RateLimits.Limit perHour = new RateLimits.Limit(5, Duration.ofHours(1));
        assertThat(perHour.windowStart(Instant.parse("2026-12-07T10:59:59.999Z")))
                .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        RateLimits.Limit perDay = new RateLimits.Limit(5, Duration.ofDays(1));
        assertThat(perDay.windowStart(Instant.parse("2026-12-07T23:59:59Z")))
                .isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void theWaitLastsUntilTheWindowEnds() {
        Instant start = Instant.parse("2026-12-07T10:15:00Z");
        assertThat(tenAQuarter.untilNextWindow(start)).isEqualTo(Duration.ofMinutes(15));
        assertThat(tenAQuarter.untilNextWindow(start.plusSeconds(840))).isEqualTo(Duration.ofMinutes(1));
        assertThat(new RateLimits.Reached("email", tenAQuarter.untilNextWindow(start.plusMillis(899_500)))
                .retryAfterSeconds()).as("never less than a second in Retry-After").isEqualTo(1);
    }

    @Test
    void anInstantBeforeTheEpochFallsInTheWindowThatHoldsIt() {
        // Integer division would round towards zero and put it in the window after.
        assertThat(tenAQuarter.windowStart(Instant.parse("1969-12-31T23:59:00Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:45:00Z"));
    }
}
