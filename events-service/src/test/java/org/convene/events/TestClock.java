package org.convene.events;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.convene.localstack.AdjustableClock;

/** In tests the application's clock is one they can move forward. */
@Singleton
public class TestClock {

    @Produces
    @Singleton
    AdjustableClock clock() {
        return new AdjustableClock();
    }
}
