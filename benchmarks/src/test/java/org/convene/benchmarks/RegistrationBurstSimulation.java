package org.convene.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 1 of benchmarks/README.md: supporters register for many events at a rising arrival rate
 * until a step fails (an error, or the registrations' p99 over the limit); the last step that held is
 * the peak sustained rate.
 */
public class RegistrationBurstSimulation extends Simulation {

    private final Convene convene = new Convene();
    private final Steps steps = Steps.rising(Duration.ofSeconds(Convene.requiredInt("bench.warm-up-seconds")),
            Convene.requiredInt("bench.first-rate"), Convene.requiredInt("bench.rate-increment"),
            Convene.requiredInt("bench.steps"), Duration.ofSeconds(Convene.requiredInt("bench.step-seconds")),
            Convene.requiredInt("bench.p99-limit-ms"));
    private final ManyEvents events = new ManyEvents(convene);

    {
        setUp(scenario("registration burst, many events").exec(Supporter.registers(steps, step -> events.any()))
                .injectOpen(steps.injection()))
                .protocols(Supporter.protocol(convene.registrationUrl()));
    }

    @Override
    public void before() {
        events.publish(Convene.requiredInt("bench.events"));
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
