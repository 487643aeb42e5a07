package org.convene.notification.mail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Paces sends to at most {@code convene.mail.rate-per-second} for relays that cap how fast they take
 * mail (0: no limit). Each replica paces itself: with several, give each its share of the relay's limit.
 */
@ApplicationScoped
public class SendRate {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer park;
    private long next;

    @Inject
    public SendRate(MailConfig config) {
        this(config.ratePerSecond(), System::nanoTime, LockSupport::parkNanos);
    }

    /** With the time and the waiting given, for a test that must not wait. */
    SendRate(double perSecond, LongSupplier nanoTime, LongConsumer park) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        this.nanoTime = nanoTime;
        this.park = park;
        this.next = nanoTime.getAsLong();
    }

    /** Waits for the next send's turn: parks the calling dispatcher thread until then. */
    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            next = Math.max(next, now);
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            park.accept(wait);
        }
    }

    /** How long {@code count} sends take at this pace, at least. */
    public Duration timeFor(int count) {
        return Duration.ofNanos(intervalNanos * count);
    }
}
