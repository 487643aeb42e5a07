package org.convene.registration.registration;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;

/** When a registrant's joining link ({@link JoinPage}) starts to let them in. */
@ConfigMapping(prefix = "convene.join")
public interface JoinConfig {

    /** How long before the event's start; zero lets people in at the start only. */
    @DurationMin
    Duration opensBefore();
}
