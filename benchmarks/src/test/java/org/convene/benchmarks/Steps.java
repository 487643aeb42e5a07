package org.convene.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.OpenInjectionStep;

/**
 * An open workload in steps of constant arrival rate, and what each step measured. Every arrival is
 * counted in the step it arrived in, whenever its answer comes, so a slow answer counts against the
 * rate that caused it. Each step is judged once its arrivals are answered (or {@link #GRACE} after it
 * ended): it holds when nothing failed, the registrations' p99 stayed within the limit and the load
 * generator really sent the step's rate. The first step that does not hold stops the load.
 */
final class Steps {

    /** How long after its end a step's unanswered arrivals still get to answer before they count as errors. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** Below this share of its planned arrivals, a step measured the load generator, not the system. */
    private static final double GENERATOR_SHORTFALL = 0.9;

    /** One step of the plan; a warm-up step loads the system (JIT, pools, caches) and is not judged. */
    record Plan(double rate, Duration length, boolean warmUp) {
    }

    /**
     * What one judged step measured; latencies are the registration request's, in milliseconds.
     * {@code acceptedRate}: registrations answered with success per second, from the step's start to its
     * last answer (at least the step's length).
     */
    record Verdict(int step, Plan plan, int arrived, int answered, int errors, double acceptedRate, long p50, long p95,
            long p99, long max, String failure) {

        boolean held() {
            return failure == null;
        }

        double sentRate() {
            return arrived / (plan.length.toMillis() / 1000.0);
        }
    }

    private final List<Plan> plan;
    private final long[] endsNanos;
    private final long p99LimitMillis;
    private final AtomicLong start = new AtomicLong();
    /** The wall-clock time of {@link #start}, for the report's CPU figures, which are sampled by the clock. */
    private volatile long startEpochMillis;
    private final AtomicInteger[] arrived;
    private final AtomicInteger[] answered;
    private final AtomicInteger[] failed;
    private final AtomicLong[] lastAnswerNanos;
    private final List<ConcurrentLinkedQueue<Integer>> latencies = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final ScheduledExecutorService judge = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "benchmark-steps");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String stopReason;

    Steps(List<Plan> plan, long p99LimitMillis) {
        this.plan = List.copyOf(plan);
        this.p99LimitMillis = p99LimitMillis;
        endsNanos = new long[plan.size()];
        long end = 0;
        for (int i = 0; i < plan.size(); i++) {
            end += plan.get(i).length.toNanos();
            endsNanos[i] = end;
            latencies.add(new ConcurrentLinkedQueue<>());
        }
        arrived = counters(plan.size());
        answered = counters(plan.size());
        failed = counters(plan.size());
        lastAnswerNanos = new AtomicLong[plan.size()];
        Arrays.setAll(lastAnswerNanos, i -> new AtomicLong());
    }

    /** A warm-up, then rates rising by {@code increment} from {@code first}, each held for {@code length}. */
    static Steps rising(Duration warmUp, double first, double increment, int count, Duration length,
            long p99LimitMillis) {
        List<Plan> plan = new ArrayList<>();
        plan.add(new Plan(first, warmUp, true));
        for (int i = 0; i < count; i++) {
            plan.add(new Plan(first + i * increment, length, false));
        }
        return new Steps(plan, p99LimitMillis);
    }

    /** A warm-up, then one step at {@code rate} for {@code length}. */
    static Steps constant(Duration warmUp, double warmUpRate, double rate, Duration length, long p99LimitMillis) {
        return new Steps(List.of(new Plan(warmUpRate, warmUp, true), new Plan(rate, length, false)), p99LimitMillis);
    }

    /** Gatling's injection for the plan: arrivals at random (Poisson) times at each step's rate. */
    List<OpenInjectionStep> injection() {
        return plan.stream().map(p -> (OpenInjectionStep) constantUsersPerSec(p.rate).during(p.length).randomized())
                .toList();
    }

    /** Counts an arrival; returns its step. The first arrival starts the clock. */
    int arrive() {
        long now = System.nanoTime();
        if (start.compareAndSet(0, now)) {
            startEpochMillis = System.currentTimeMillis();
            judge.scheduleWithFixedDelay(this::judgeFinishedSteps, 200, 200, TimeUnit.MILLISECONDS);
        }
        long elapsed = now - start.get();
        int step = 0;
        while (step < endsNanos.length - 1 && elapsed >= endsNanos[step]) {
            step++;
        }
        arrived[step].incrementAndGet();
        return step;
    }

    /** Counts an arrival's outcome: failed (an error on any request), or the registration's latency. */
    void answer(int step, boolean failure, Integer registrationMillis) {
        if (failure || registrationMillis == null) {
            failed[step].incrementAndGet();
        } else {
            latencies.get(step).add(registrationMillis);
        }
        answered[step].incrementAndGet();
        lastAnswerNanos[step].accumulateAndGet(System.nanoTime() - start.get(), Math::max);
    }

    /**
     * Registrations answered with success for arrivals of {@code step}: all of them once the load is over,
     * including answers that came too late for the step's verdict.
     */
    int accepted(int step) {
        return latencies.get(step).size();
    }

    /**
     * Registrations answered with success per second for arrivals of {@code step}, however late, from the
     * step's start to its last answer: what a burst the system queues is absorbed at. Once the load is over.
     */
    double acceptedRate(int step) {
        long stepStart = step == 0 ? 0 : endsNanos[step - 1];
        return accepted(step) / (Math.max(plan.get(step).length.toNanos(), lastAnswerNanos[step].get() - stepStart)
                / 1e9);
    }

    /** The registration latencies of every success answer for {@code step}, however late, in order. */
    long[] sortedLatencies(int step) {
        return latencies.get(step).stream().mapToLong(Integer::longValue).sorted().toArray();
    }

    /** Why the load must stop, or null while every judged step held. */
    String stopReason() {
        return stopReason;
    }

    private synchronized void judgeFinishedSteps() {
        long elapsed = System.nanoTime() - start.get();
        while (stopReason == null && verdicts.size() < judgedCount()) {
            int step = firstJudged() + verdicts.size();
            boolean allAnswered = answered[step].get() >= arrived[step].get();
            if (elapsed < endsNanos[step] || (!allAnswered && elapsed < endsNanos[step] + GRACE.toNanos())) {
                return;
            }
            judge(step);
        }
    }

    private void judge(int step) {
        Plan p = plan.get(step);
        int arrivals = arrived[step].get();
        int answers = answered[step].get();
        int errors = failed[step].get() + (arrivals - answers);
        long[] sorted = sortedLatencies(step);
        long p99 = Report.percentile(sorted, 0.99);
        long stepStart = step == 0 ? 0 : endsNanos[step - 1];
        double seconds = Math.max(p.length.toNanos(), lastAnswerNanos[step].get() - stepStart) / 1e9;
        String failure = null;
        if (errors > 0) {
            failure = errors + " errors";
        } else if (p99 > p99LimitMillis) {
            failure = "p99 " + p99 + " ms > " + p99LimitMillis + " ms";
        } else if (arrivals < GENERATOR_SHORTFALL * p.rate * p.length.toMillis() / 1000.0) {
            failure = "the load generator sent only " + arrivals + " of " + Math.round(p.rate * p.length.toSeconds())
                    + " arrivals";
        }
        Verdict verdict = new Verdict(step, p, arrivals, answers, errors, sorted.length / seconds,
                Report.percentile(sorted, 0.50),
                Report.percentile(sorted, 0.95), p99, sorted.length == 0 ? 0 : sorted[sorted.length - 1], failure);
        verdicts.add(verdict);
        if (!verdict.held()) {
            stopReason = String.format(Locale.ROOT, "step %d (%.0f/s) did not hold: %s", step, p.rate, failure);
        }
    }

    /** Judges what is left once the load is over: every arrival has been answered by then. */
    synchronized List<Verdict> finish() {
        judge.shutdownNow();
        while (stopReason == null && verdicts.size() < judgedCount()) {
            judge(firstJudged() + verdicts.size());
        }
        return List.copyOf(verdicts);
    }

    /** The last step of an unbroken run of steps that held, from the first. */
    static Verdict peak(List<Verdict> verdicts) {
        Verdict peak = null;
        for (Verdict v : verdicts) {
            if (!v.held()) {
                break;
            }
            peak = v;
        }
        return peak;
    }

    /**
     * Writes {@code steps.md} (every judged step) and {@code system.properties} (the peak and the
     * scenario's own {@code figures}, for the report) into {@code dir}.
     */
    void write(Path dir, List<Verdict> verdicts, Map<String, String> scenarioFigures) throws IOException {
        StringBuilder md = new StringBuilder("| step | planned /s | sent /s | accepted /s | arrivals | errors "
                + "| p50 ms | p95 ms | p99 ms | max ms | verdict |\n|" + " --- |".repeat(11) + "\n");
        for (Verdict v : verdicts) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %d | %d | %d | %d | %d | %d | %s |%n",
                    v.step, v.plan.rate, v.sentRate(), v.acceptedRate, v.arrived, v.errors, v.p50, v.p95, v.p99,
                    v.max, v.held() ? "held" : v.failure));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("steps.md"), md);
        Properties figures = new Properties();
        Verdict peak = peak(verdicts);
        figures.setProperty("p99.limit.ms", String.valueOf(p99LimitMillis));
        figures.setProperty("stop", stopReason != null ? stopReason
                : "every planned step held: the peak is at least the last step's rate");
        if (peak != null) {
            figures.setProperty("peak.rate", String.format(Locale.ROOT, "%.0f", peak.plan.rate));
            figures.setProperty("peak.sent", String.format(Locale.ROOT, "%.1f", peak.sentRate()));
            figures.setProperty("peak.accepted", String.format(Locale.ROOT, "%.1f", peak.acceptedRate));
            figures.setProperty("peak.p50", String.valueOf(peak.p50));
            figures.setProperty("peak.p95", String.valueOf(peak.p95));
            figures.setProperty("peak.p99", String.valueOf(peak.p99));
        }
        figures.setProperty("registrations", String.valueOf(Arrays.stream(answered).mapToInt(AtomicInteger::get).sum()
                - Arrays.stream(failed).mapToInt(AtomicInteger::get).sum()));
        // The judged steps, from the warm-up's end to their last answer: where the report looks for CPU figures.
        long judgedStart = firstJudged() == 0 ? 0 : endsNanos[firstJudged() - 1];
        long judgedEnd = verdicts.stream().mapToLong(v -> lastAnswerNanos[v.step].get()).max().orElse(judgedStart);
        figures.setProperty("judged.from", String.valueOf(startEpochMillis + judgedStart / 1_000_000));
        figures.setProperty("judged.to", String.valueOf(startEpochMillis + judgedEnd / 1_000_000));
        scenarioFigures.forEach(figures::setProperty);
        try (var out = Files.newBufferedWriter(dir.resolve("system.properties"))) {
            figures.store(out, "figures of the system under load (benchmarks/bench)");
        }
    }

    private int firstJudged() {
        return plan.get(0).warmUp ? 1 : 0;
    }

    private int judgedCount() {
        return plan.size() - firstJudged();
    }

    private static AtomicInteger[] counters(int n) {
        AtomicInteger[] counters = new AtomicInteger[n];
        for (int i = 0; i < n; i++) {
            counters[i] = new AtomicInteger();
        }
        return counters;
    }
}
