package org.convene.registration.bots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.convene.contracts.signing.Signer;

/**
 * Fixed-window counters in PostgreSQL, so that every replica counts the same hits. A subject is kept
 * as an HMAC: the table never holds an address or an email.
 */
@ApplicationScoped
public class RateLimits {

    /** One hit to count: {@code name} tells the limits apart, {@code subject} is who is counted. */
    public record Hit(String name, String subject, RateLimitConfig.Limit limit) {
    }

    /** The first limit that was reached, and when its window ends. */
    public record Reached(String name, Duration retryAfter) {
    }

    private static final String PURPOSE = "rate-limit";

    private final Signer signer;
    private final Clock clock;
    private final EntityManager entityManager;

    public RateLimits(Signer signer, Clock clock, EntityManager entityManager) {
        this.signer = signer;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * Counts each hit, in the caller's transaction; a hit over its limit is not counted, and the caller
     * rolls back the others, so that a refused request changes no counter.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reached> count(List<Hit> hits) {
        Instant now = clock.instant();
        for (Hit hit : hits) {
            long windowMillis = hit.limit().per().toMillis();
            Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
            List<?> counted = entityManager.createNativeQuery("insert into rate_window (subject, window_start, hits) "
                    + "values (?1, ?2, 1) on conflict (subject, window_start) do update set hits = rate_window.hits + 1 "
                    + "where rate_window.hits < ?3 returning hits")
                    .setParameter(1, signer.sign(PURPOSE, hit.name() + ":" + hit.subject()))
                    .setParameter(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
                    .setParameter(3, hit.limit().registrations())
                    .getResultList();
            if (counted.isEmpty()) {
                return Optional.of(new Reached(hit.name(), Duration.between(now, windowStart.plus(hit.limit().per()))));
            }
        }
        return Optional.empty();
    }

    /** Windows that ended a day ago count nothing any more. */
    @Transactional
    public int forgetOldWindows() {
        return entityManager.createNativeQuery("delete from rate_window where window_start < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC))
                .executeUpdate();
    }
}
