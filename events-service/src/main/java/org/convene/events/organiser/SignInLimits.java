package org.convene.events.organiser;

import java.time.Duration;

import org.convene.contracts.limits.RateLimits;

import io.smallrye.config.ConfigMapping;

/**
 * How many sign-ins may be tried for one account and from one client address, successful ones
 * included: enough for people, too few for guessing passwords. Counted whether the account exists or
 * not, so that being refused says nothing about which addresses are accounts.
 */
@ConfigMapping(prefix = "convene.sign-in.limits")
public interface SignInLimits {

    /** For one address typed, from anywhere: what stops guessing one organiser's password. */
    Limit perAccount();

    /** From one client: what stops trying one password on many accounts. */
    Limit perAddress();

    interface Limit {
        int attempts();

        Duration per();

        default RateLimits.Limit counted() {
            return new RateLimits.Limit(attempts(), per());
        }
    }
}
