package org.convene.events.organiser;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;

/**
 * How long an organiser's sign-in lasts ({@link Sessions}): the session at the most, and each of its
 * short-lived tokens, which is also how long another service that has not yet read a session's end may
 * still take them.
 */
@ConfigMapping(prefix = "convene.session")
public interface SessionConfig {

    @DurationMin(inclusive = false)
    Duration lifespan();

    @DurationMin(inclusive = false)
    Duration tokenLifespan();
}
