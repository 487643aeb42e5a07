package org.convene.platform.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.convene.platform.signing.Signer;

/**
 * Fixed-window counters in PostgreSQL, so that every replica counts the same hits: the table
 * {@code rate_window (subject, window_start, hits)} that each service using them creates in a migration
 * of its own. A subject is kept as an HMAC under the service's key: the table never holds an address,
 * an email or an account's name. Every method works in the caller's transaction.
 */
public final class RateLimits {

    private static final String PURPOSE = "rate-limit";

    /** At most {@code allowed} hits in each window of {@code per}. */
    public record Limit(int allowed, Duration per) {

        /**
         * The window {@code now} falls in. Windows are fixed, aligned to the epoch, and the same in every
         * replica, so that all of them count one row per subject and window.
         */
        Instant windowStart(Instant now) {
            long windowMillis = per.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        }

        /** How long until the window {@code now} falls in has ended, and a hit counts again. */
        Duration untilNextWindow(Instant now) {
            return Duration.between(now, windowStart(now).plus(per));
        }
    }

    /** One hit to count: {@code name} tells the limits apart, {@code subject} is who is counted. */
    public record Hit(String name, String subject, Limit limit) {
    }

    /** The first limit that was reached, and when its window ends. */
    public record Reached(String name, Duration retryAfter) {

        /** For a {@code Retry-After} header: whole seconds, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds());
        }
    }

    private final Signer signer;
    private final Clock clock;
    private final EntityManager entityManager;

    public RateLimits(Signer signer, Clock clock, EntityManager entityManager) {
        this.signer = signer;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * Counts each hit; a hit over its limit is not counted, and the first one over says so. Hits
     * counted before it stay counted unless the caller rolls back, as a caller does that wants a refused
     * request to change no counter.
     */
    public Optional<Reached> count(List<Hit> hits) {
        Instant now = clock.instant();
        for (Hit hit : hits) {
            Instant windowStart = hit.limit().windowStart(now);
            List<?> counted = entityManager.createNativeQuery("insert into rate_window (subject, window_start, hits) "
                    + "values (?1, ?2, 1) on conflict (subject, window_start) do update set hits = rate_window.hits + 1 "
                    + "where rate_window.hits < ?3 returning hits")
                    .setParameter(1, signer.sign(PURPOSE, hit.name() + ":" + hit.subject()))
                    .setParameter(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
                    .setParameter(3, hit.limit().allowed())
                    .getResultList();
            if (counted.isEmpty()) {
                return Optional.of(new Reached(hit.name(), hit.limit().untilNextWindow(now)));
            }
        }
        return Optional.empty();
    }

    /** Windows that ended a day ago count nothing any more. */
    public int forgetOldWindows() {
        return entityManager.createNativeQuery("delete from rate_window where window_start < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC))
                .executeUpdate();
    }
}
