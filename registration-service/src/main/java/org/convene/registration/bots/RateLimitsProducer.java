package org.convene.registration.bots;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.convene.platform.limits.RateLimits;
import org.convene.platform.signing.Signer;

/** The registration limits' counters, their subjects keyed by this service's links secret. */
@Singleton
public class RateLimitsProducer {

    @Produces
    @Singleton
    RateLimits rateLimits(Signer signer, Clock clock, EntityManager entityManager) {
        return new RateLimits(signer, clock, entityManager);
    }
}
