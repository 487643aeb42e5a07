package org.convene.events.organiser;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.convene.platform.limits.RateLimits;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * How many sign-ins may be tried for one account and from one client address, successful ones
 * included: enough for people, too few for guessing passwords. Counted whether the account exists or
 * not, so that being refused says nothing about which addresses are accounts. Each limit names its key
 * as well: SmallRye's validator would name it by its method (perAccount) in the message that stops the start.
 */
@ConfigMapping(prefix = "convene.sign-in.limits")
public interface SignInLimits {

    /** For one address typed, from anywhere: what stops guessing one organiser's password. */
    @WithName("per-account")
    Limit perAccount();

    /** From one client: what stops trying one password on many accounts. */
    @WithName("per-address")
    Limit perAddress();

    interface Limit {
        @Positive
        int attempts();

        @DurationMin(inclusive = false)
        Duration per();

        default RateLimits.Limit counted() {
            return new RateLimits.Limit(attempts(), per());
        }
    }
}
