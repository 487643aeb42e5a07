package org.convene.registration.bots;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The bot defence's settings: how long a form stays good ({@link FormTokens}), what a proof of work
 * costs ({@link ProofOfWork}) and the rate limits ({@link RateLimitConfig}). One mapping for all of
 * {@code convene.bots}, so that every key under it belongs to exactly one place.
 */
@ConfigMapping(prefix = "convene.bots")
public interface BotDefenceConfig {

    /** How long a page's form may stay open before it has to be sent again. */
    @DurationMin(inclusive = false)
    Duration formLifetime();

    // Named here as well: SmallRye's validator names a group by its method (proofOfWork), not by its key.
    @WithName("proof-of-work")
    Proof proofOfWork();

    RateLimitConfig limits();

    interface Proof {

        /** The browser hashes up to this many times, half of it on average. */
        @Positive
        long maxNumber();

        /** How long a challenge may be solved and sent. */
        @DurationMin(inclusive = false)
        Duration lifetime();
    }
}
