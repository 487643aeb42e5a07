package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault suite, 2: the broker away for a while during a registration load, stopped cleanly or killed with
 * SIGKILL in the middle of its work. Registrations go on being answered 201 (the outbox keeps their
 * messages), and once the broker is back every confirmation goes, once, with nobody doing anything.
 */
@ExtendWith(SystemUnderTestExtension.class)
class KafkaOutageUnderLoadTest {

    private final SystemUnderTest system;
    private final Guarantees guarantees;

    KafkaOutageUnderLoadTest(SystemUnderTest system) {
        this.system = system;
        this.guarantees = new Guarantees(system);
    }

    /** How the broker goes away. */
    enum Outage {
        /** A clean shutdown: what the broker had written is flushed and its clients are told. */
        STOPPED,
        /** SIGKILL, as a failing node: requests in flight go unanswered and the log is recovered on the restart. */
        KILLED
    }

    /**
     * The full suite takes the broker away both ways; every build's short one kills it, the harder case:
     * the journey tests stop it cleanly in every build already.
     */
    static Stream<Outage> outages() {
        return FaultScale.current() == FaultScale.FULL ? Stream.of(Outage.values()) : Stream.of(Outage.KILLED);
    }

    @ParameterizedTest
    @MethodSource("outages")
    void registrationsGoOnWhileTheBrokerIsAwayAndEveryConfirmationFollowsOnceItIsBack(Outage outage)
            throws Exception {
        FaultScale scale = FaultScale.current();
        String title = "Broker " + outage.name().toLowerCase(Locale.ROOT) + " "
                + UUID.randomUUID().toString().substring(0, 8);
        String eventId = system.createAndPublish(title, LocalDate.now().plusDays(30).atTime(18, 0));
        system.awaitEventPage(eventId);

        Instant stopped;
        Instant back;
        List<String> accepted;
        String load;
        try (RegistrationLoad registrations = new RegistrationLoad(system, eventId, eventId.substring(0, 8),
                scale.registrationsPerSecond())) {
            if (outage == Outage.KILLED) {
                system.stack().killKafka();
            } else {
                system.stack().stopKafka();
            }
            stopped = Instant.now();
            try {
                // The outage itself: nothing to wait for but time.
                Thread.sleep(scale.kafkaOutage().toMillis());
            } finally {
                back = Instant.now();
                system.stack().startKafka();
            }
            registrations.close();
            accepted = registrations.accepted();
            load = registrations.summary();
            assertThat(registrations.acceptedBetween(stopped, back)).as("answered 201 while the broker was away: %s",
                    load).isGreaterThan(scale.kafkaOutage().toSeconds() * scale.registrationsPerSecond() / 2);
        }

        Set<String> stored = guarantees.stored(List.of(eventId));
        assertThat(stored).containsAll(accepted);
        guarantees.awaitAllSent(List.of(eventId), "CONFIRMATION", stored.size());
        int duplicates = guarantees.exactlyOneEach(stored, ("You're registered: " + title)::equals);
        guarantees.awaitConsumersCaughtUp();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scale", scale.name());
        figures.put("outage", outage.name());
        figures.put("outageSeconds", scale.kafkaOutage().toSeconds());
        figures.put("load", load);
        figures.put("stored", stored.size());
        figures.put("duplicateCopies", duplicates);
        System.out.println(Guarantees.report("broker away under load", figures));
        assertThat(duplicates).as("no service died: no send can go twice").isZero();
    }
}
