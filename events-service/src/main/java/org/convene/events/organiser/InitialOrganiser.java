package org.convene.events.organiser;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first organiser from configuration ({@code CONVENE_ORGANISER_EMAIL} and
 * {@code CONVENE_ORGANISER_PASSWORD}) when there is none yet, so that someone can sign in on a new
 * installation. Once an organiser exists, the configuration is not read again.
 */
@ApplicationScoped
public class InitialOrganiser {

    private static final Logger LOG = Logger.getLogger(InitialOrganiser.class);

    private final InitialOrganiserConfig config;
    private final Clock clock;

    public InitialOrganiser(InitialOrganiserConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void create(@Observes StartupEvent event) {
        if (Organiser.count() > 0) {
            return;
        }
        if (config.email().isEmpty() || config.password().isEmpty()) {
            LOG.warn("No organiser exists and none is configured: set CONVENE_ORGANISER_EMAIL and"
                    + " CONVENE_ORGANISER_PASSWORD so that someone can sign in");
            return;
        }
        Organiser.create(config.email().get(), config.name(), config.password().get(), clock.instant()).persist();
        LOG.info("Created the first organiser from configuration");
    }
}
