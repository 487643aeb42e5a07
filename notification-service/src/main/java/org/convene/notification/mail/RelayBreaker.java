package org.convene.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A circuit breaker on the SMTP relay. While the relay is away (a batch in which nothing was sent and
 * something found no relay to talk to), the dispatcher sends nothing but a probe, one email, once the
 * pause is over; the pause doubles up to its longest while the probes fail. The first email the relay
 * takes closes the breaker, and so does any answer from it (a refusal of one email is that email's
 * business). So an outage of hours costs a probe every few minutes, not every email's tries, and the
 * dispatcher resumes by itself. One breaker per dispatcher; only the dispatcher's thread uses it.
 */
final class RelayBreaker {

    private final Duration firstPause;
    private final Duration maxPause;
    private Duration pause;
    private Instant openUntil;

    RelayBreaker(Duration firstPause, Duration maxPause) {
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /** Whether batches may go: the relay was there when last tried. */
    boolean isClosed() {
        return openUntil == null;
    }

    /** Whether it is time to try the relay again with one email. */
    boolean probeDue(Instant now) {
        return openUntil != null && !now.isBefore(openUntil);
    }

    /**
     * Takes a batch's outcomes (null for an email the relay took).
     *
     * @return whether the breaker opened (or stayed open) because of it
     */
    boolean observe(List<Throwable> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return !isClosed();
        }
        boolean anySent = outcomes.stream().anyMatch(Objects::isNull);
        boolean relayAway = outcomes.stream()
                .anyMatch(failure -> failure != null && SendFailure.of(failure) == SendFailure.RELAY_AWAY);
        if (anySent || !relayAway) {
            openUntil = null;
            pause = null;
            return false;
        }
        pause = pause == null ? firstPause : min(pause.multipliedBy(2), maxPause);
        openUntil = now.plus(pause);
        return true;
    }

    /** The pause now in force; null while closed. */
    Duration pause() {
        return pause;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
