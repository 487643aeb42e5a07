package org.convene.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2 of benchmarks/README.md: a burst of supporters into one event with a capacity and a
 * waitlist, at a constant arrival rate, after a warm-up that registers for another event. At the end the
 * event must hold exactly its capacity in registrations and every other accepted supporter on its
 * waitlist, as the organisers' export shows it.
 */
public class WaitlistBurstSimulation extends Simulation {

    private final Convene convene = new Convene();
    private final int capacity = Convene.requiredInt("bench.capacity");
    private final Steps steps = Steps.constant(Duration.ofSeconds(Convene.requiredInt("bench.warm-up-seconds")),
            Convene.requiredInt("bench.warm-up-rate"), Convene.requiredInt("bench.rate"),
            Duration.ofSeconds(Convene.requiredInt("bench.seconds")), Long.MAX_VALUE);
    private volatile String warmUpEvent;
    private volatile String burstEvent;

    {
        setUp(scenario("registration burst, one event with a waitlist").exec(Supporter.registers(steps,
                step -> step == 0 ? warmUpEvent : burstEvent))
                .injectOpen(steps.injection()))
                .protocols(Supporter.protocol(convene.registrationUrl()));
    }

    @Override
    public void before() {
        warmUpEvent = convene.publishEvents(1, null, false).getFirst();
        burstEvent = convene.publishEvents(1, capacity, true).getFirst();
    }

    @Override
    public void after() {
        try {
            List<Steps.Verdict> verdicts = steps.finish();
            Steps.Verdict burst = verdicts.get(0);
            Map<String, Integer> states = convene.statesOf(burstEvent);
            int stored = states.values().stream().mapToInt(Integer::intValue).sum();
            int registered = states.getOrDefault("REGISTERED", 0);
            Map<String, String> figures = new LinkedHashMap<>();
            // Every success answer, however long the burst queued: the step's verdict counts those later than
            // its grace as errors, but here the question is how fast the event's places and waitlist filled.
            figures.put("burst.accepted-rate", String.format(Locale.ROOT, "%.1f", steps.acceptedRate(burst.step())));
            long[] latencies = steps.sortedLatencies(burst.step());
            figures.put("burst.p50", String.valueOf(Report.percentile(latencies, 0.50)));
            figures.put("burst.p95", String.valueOf(Report.percentile(latencies, 0.95)));
            figures.put("burst.p99", String.valueOf(Report.percentile(latencies, 0.99)));
            // Every success answer that reached the load generator, however late; a request it gave up on
            // may still have been stored, so the places are checked against what was stored.
            figures.put("event.accepted", String.valueOf(steps.accepted(burst.step())));
            figures.put("event.capacity", String.valueOf(capacity));
            figures.put("event.states", states.toString());
            figures.put("event.expected", "REGISTERED=" + Math.min(capacity, stored) + ", WAITLISTED="
                    + Math.max(0, stored - capacity));
            figures.put("event.exact", String.valueOf(registered == Math.min(capacity, stored)
                    && states.getOrDefault("WAITLISTED", 0) == stored - registered));
            steps.write(Path.of(Convene.required("bench.results")), verdicts, figures);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the figures", e);
        }
    }
}
