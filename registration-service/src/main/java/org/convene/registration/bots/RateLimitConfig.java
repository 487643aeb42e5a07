package org.convene.registration.bots;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.convene.platform.limits.RateLimits;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.WithName;

/**
 * How many registrations one address and one email may make. Generous for an address: many supporters
 * share one (a phone network's, an office's, a hall's wifi at a meeting that shares the link). Read from
 * {@code convene.bots.limits}, a part of {@link BotDefenceConfig}. Each limit names its key as well: SmallRye's
 * validator would name it by its method (perEmail) in the message that stops the start.
 */
public interface RateLimitConfig {

    /** From one address, with a proof of work (the page with JavaScript, or the API). */
    @WithName("per-address")
    Limit perAddress();

    /** From one address, without a proof of work: the form of a browser without JavaScript. */
    @WithName("without-script-per-address")
    Limit withoutScriptPerAddress();

    /** For one email, from anywhere: what stops a person's inbox being filled with confirmations. */
    @WithName("per-email")
    Limit perEmail();

    interface Limit {
        @Positive
        int registrations();

        @DurationMin(inclusive = false)
        Duration per();

        /** As the counters take it. */
        default RateLimits.Limit counted() {
            return new RateLimits.Limit(registrations(), per());
        }
    }
}
