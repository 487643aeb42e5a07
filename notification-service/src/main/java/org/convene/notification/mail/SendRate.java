package org.convene.notification.mail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paces sends to at most {@code convene.mail.rate-per-second} for relays that cap how fast they take
 * mail (0: no limit). Each replica paces itself: with several, give each its share of the relay's limit.
 */
@ApplicationScoped
public class SendRate {

    private final long intervalNanos;
    private long next = System.nanoTime();

    public SendRate(@ConfigProperty(name = "convene.mail.rate-per-second") double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next send's turn: parks the calling dispatcher thread until then. */
    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            next = Math.max(next, now);
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** How long {@code count} sends take at this pace, at least. */
    public Duration timeFor(int count) {
        return Duration.ofNanos(intervalNanos * count);
    }
}
