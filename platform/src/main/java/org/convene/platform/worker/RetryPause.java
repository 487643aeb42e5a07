package org.convene.platform.worker;

/**
 * How long to wait before trying again something that failed for a reason that may pass (the database or
 * the broker away): a second at first, then twice as long each time, never more than half a minute, so
 * that a short outage costs seconds and a long one is not hammered.
 */
public final class RetryPause {

    private RetryPause() {
    }

    /** In milliseconds, before the try after the {@code attempt}-th failed one (1 for the first). */
    public static long before(int attempt) {
        return Math.min(30_000L, 1_000L << Math.min(attempt - 1, 5));
    }
}
