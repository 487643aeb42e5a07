package org.convene.benchmarks;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The events of scenarios 1 and 3, each with a capacity the load never reaches, so that every registration
 * reads and takes a place under its event's lock, as a limited event's does; each arrival picks one.
 */
final class ManyEvents {

    private static final int CAPACITY = 1_000_000;

    private final Convene convene;
    private volatile List<String> ids;

    ManyEvents(Convene convene) {
        this.convene = convene;
    }

    /** For the simulation's {@code before()}: the load starts once registration-service has them all. */
    void publish(int count) {
        ids = convene.publishEvents(count, CAPACITY, false);
    }

    String any() {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }
}
