package org.convene.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3 of benchmarks/README.md: supporters register for many events at one constant arrival rate
 * (after a warm-up that is not timed), and each registration answered with success is paired with its
 * confirmation at the SMTP server: the time from the answer to the server's acceptance, p50/p95/p99.
 */
public class ConfirmationLatencySimulation extends Simulation {

    /** How long after the load the confirmations still in flight get to arrive; later ones count as missing. */
    private static final Duration CONFIRMATION_WAIT = Duration.ofSeconds(60);

    private final Convene convene = new Convene();
    private final Confirmations confirmations = new Confirmations(Convene.required("convene.mail-url"));
    private final int rate = Convene.requiredInt("bench.rate");
    private final Steps steps = Steps.constant(Duration.ofSeconds(Convene.requiredInt("bench.warm-up-seconds")),
            Convene.requiredInt("bench.warm-up-rate"), rate, Duration.ofSeconds(Convene.requiredInt("bench.seconds")), Long.MAX_VALUE);
    private final ManyEvents events = new ManyEvents(convene);

    {
        setUp(scenario("confirmation latency, many events").exec(Supporter.registers(steps,
                step -> events.any(),
                (step, email, answeredAtMillis) -> {
                    if (step > 0) {
                        confirmations.answered(email, answeredAtMillis);
                    }
                }))
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
            List<Steps.Verdict> verdicts = steps.finish();
            List<Confirmations.Confirmation> all = confirmations.await(CONFIRMATION_WAIT);
            long[] sorted = all.stream().mapToLong(Confirmations.Confirmation::latencyMillis).sorted().toArray();
            Map<String, String> figures = new LinkedHashMap<>();
            // The timed step's own figures, whether it held or not (an error does not stop this scenario's load).
            Steps.Verdict timed = verdicts.get(0);
            figures.put("registration.rate", String.format(Locale.ROOT, "%.0f", timed.plan().rate()));
            figures.put("registration.errors", String.valueOf(timed.errors()));
            figures.put("registration.p50", String.valueOf(timed.p50()));
            figures.put("registration.p95", String.valueOf(timed.p95()));
            figures.put("registration.p99", String.valueOf(timed.p99()));
            figures.put("confirmation.registrations", String.valueOf(all.size()));
            figures.put("confirmation.missing",
                    String.valueOf(all.stream().filter(c -> c.acceptedAtMillis() == null).count()));
            figures.put("confirmation.wait-seconds", String.valueOf(CONFIRMATION_WAIT.toSeconds()));
            figures.put("confirmation.p50", String.valueOf(Report.percentile(sorted, 0.50)));
            figures.put("confirmation.p95", String.valueOf(Report.percentile(sorted, 0.95)));
            figures.put("confirmation.p99", String.valueOf(Report.percentile(sorted, 0.99)));
            figures.put("confirmation.max", String.valueOf(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            if (!all.isEmpty()) {
                figures.put("confirmation.parts-bytes", String.valueOf(confirmations.partsBytes(all.get(0).email())));
            }
            Path results = Path.of(Convene.required("bench.results"));
            steps.write(results, verdicts, figures);
            writeCsv(results.resolve("confirmations.csv"), all);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the figures", e);
        }
    }

    /** Every timed registration, for the report's chart and for a closer look. */
    private static void writeCsv(Path file, List<Confirmations.Confirmation> all) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("email,answered_at_ms,accepted_at_ms,latency_ms\n");
            for (Confirmations.Confirmation c : all) {
                out.write(c.email() + "," + c.answeredAtMillis() + ","
                        + (c.acceptedAtMillis() == null ? "" : c.acceptedAtMillis()) + ","
                        + (c.acceptedAtMillis() == null ? "" : c.latencyMillis()) + "\n");
            }
        }
    }
}
