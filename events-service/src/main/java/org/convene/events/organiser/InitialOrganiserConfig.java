package org.convene.events.organiser;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The first organiser of a new installation ({@link InitialOrganiser}): optional, since it is read only
 * while no organiser exists, and an installation that has one needs none.
 */
@ConfigMapping(prefix = "convene.organiser")
public interface InitialOrganiserConfig {

    Optional<String> email();

    Optional<String> password();

    @WithDefault("Organiser")
    String name();
}
