package org.convene.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 1 of benchmarks/README.md: supporters register for many events at a rising arrival rate
 * until a step fails (an error, or the registrations' p99 over the limit); the last step that held is
 * the peak sustained rate. The events have a capacity that the load never reaches, so that every
 * registration counts the places taken under the event's lock, as a limited event's do.
 */
public class RegistrationBurstSimulation extends Simulation {

    private static final int CAPACITY = 1_000_000;

    private final Convene convene = new Convene();
    private final Steps steps = Steps.rising(Duration.ofSeconds(Convene.requiredInt("bench.warm-up-seconds")),
            Convene.requiredInt("bench.first-rate"), Convene.requiredInt("bench.rate-increment"),
            Convene.requiredInt("bench.steps"), Duration.ofSeconds(Convene.requiredInt("bench.step-seconds")),
            Convene.requiredInt("bench.p99-limit-ms"));
    private volatile List<String> events;

    {
        setUp(scenario("registration burst, many events").exec(Supporter.registers(steps,
                step -> events.get(ThreadLocalRandom.current().nextInt(events.size()))))
                .injectOpen(steps.injection()))
                .protocols(Supporter.protocol(convene.registrationUrl()));
    }

    @Override
    public void before() {
        try {
            events = convene.publishEvents(Convene.requiredInt("bench.events"), CAPACITY, false);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the benchmark's events", e);
        }
    }

    @Override
    public void after() {
        try {
            steps.write(Path.of(Convene.required("bench.results")), steps.finish(), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException("could not write the step figures", e);
        }
    }
}
