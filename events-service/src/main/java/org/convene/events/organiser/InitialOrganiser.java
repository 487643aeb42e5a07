package org.convene.events.organiser;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "convene.organiser.email")
    Optional<String> email;

    @ConfigProperty(name = "convene.organiser.password")
    Optional<String> password;

    @ConfigProperty(name = "convene.organiser.name", defaultValue = "Organiser")
    String name;

    private final Clock clock;

    public InitialOrganiser(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    void create(@Observes StartupEvent event) {
        if (Organiser.count() > 0) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warn("No organiser exists and none is configured: set CONVENE_ORGANISER_EMAIL and"
                    + " CONVENE_ORGANISER_PASSWORD so that someone can sign in");
            return;
        }
        Organiser.create(email.get(), name, password.get(), clock.instant()).persist();
        LOG.info("Created the first organiser from configuration");
    }
}
