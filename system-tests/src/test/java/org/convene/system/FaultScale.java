package org.convene.system;

import java.time.Duration;

/**
 * How hard the fault suite pushes. Every {@code ./mvnw verify} runs the short version, so that CI proves
 * each fault; {@code ./mvnw verify -Pfaults} runs the full one (about 45 minutes on two cores).
 *
 * @param killsPerService         SIGKILLs of each service during the registration load
 * @param fanOuts                 reminder fan-outs, each with one SIGKILL of every service in it
 * @param registrantsPerFanOut    registrants of each fan-out's event
 * @param kafkaOutage             how long the broker is away during the registration load
 * @param registrationsPerSecond  the registration load's pace, for all its threads together
 */
record FaultScale(String name, int killsPerService, int fanOuts, int registrantsPerFanOut, Duration kafkaOutage,
        int registrationsPerSecond) {

    static final FaultScale SHORT = new FaultScale("short", 1, 1, 300, Duration.ofSeconds(15), 20);
    static final FaultScale FULL = new FaultScale("full", 20, 20, 500, Duration.ofSeconds(60), 20);

    static FaultScale current() {
        return Boolean.getBoolean("convene.faults.full") ? FULL : SHORT;
    }
}
