package org.convene.events.organiser;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.convene.platform.limits.RateLimits;
import org.convene.platform.signing.Signer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in counters, their subjects keyed by a key derived from the forms' CSRF signing key, the one
 * secret of this service's own that every replica shares (required in production). Without it (dev,
 * tests) a key of this process's: the counts then hold for one process, which is all there is.
 */
@Singleton
public class SignInCounters {

    @Produces
    @Singleton
    RateLimits signInCounters(@ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> key,
            Clock clock, EntityManager entityManager) {
        Signer shared = new Signer(key.orElseGet(SignInCounters::processKey));
        return new RateLimits(new Signer(shared.derivedKey("sign-in-limits")), clock, entityManager);
    }

    private static String processKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
