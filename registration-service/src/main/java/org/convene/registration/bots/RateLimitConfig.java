package org.convene.registration.bots;

import java.time.Duration;

import org.convene.contracts.limits.RateLimits;

import io.smallrye.config.ConfigMapping;

/**
 * How many registrations one address and one email may make. Generous for an address: many supporters
 * share one (a phone network's, an office's, a hall's wifi at a meeting that shares the link).
 */
@ConfigMapping(prefix = "convene.bots.limits")
public interface RateLimitConfig {

    /** From one address, with a proof of work (the page with JavaScript, or the API). */
    Limit perAddress();

    /** From one address, without a proof of work: the form of a browser without JavaScript. */
    Limit withoutScriptPerAddress();

    /** For one email, from anywhere: what stops a person's inbox being filled with confirmations. */
    Limit perEmail();

    interface Limit {
        int registrations();

        Duration per();

        /** As the counters take it. */
        default RateLimits.Limit counted() {
            return new RateLimits.Limit(registrations(), per());
        }
    }
}
