package org.convene.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a run's {@code results.md} from what its parts left in the results directory: the
 * simulation's {@code system.properties} and {@code steps.md}, pgbench's output and transaction logs,
 * the Kafka producer tool's output, and the run's {@code run.properties} (written by benchmarks/bench).
 * Only the JDK: bench runs it with the compiled test classes alone.
 */
public final class Report {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern PRODUCER = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?"
            + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private final Path dir;
    private final Properties run;
    private final Properties system;

    private Report(Path dir) throws IOException {
        this.dir = dir;
        run = load(dir.resolve("run.properties"));
        system = load(dir.resolve("system.properties"));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Report report = new Report(dir);
        String md = report.write();
        Files.writeString(dir.resolve("results.md"), md);
        System.out.print(md);
        if (!report.checksHeld()) {
            System.exit(1);
        }
    }

    /** What the scenario checks beside its figures held (scenario 2: the event's places and waitlist). */
    private boolean checksHeld() {
        return !"false".equals(system.getProperty("event.exact"));
    }

    private String write() throws IOException {
        String scenario = run.getProperty("scenario");
        double pgbench = Double.parseDouble(find(TPS, Files.readString(dir.resolve("pgbench.txt")), "pgbench.txt")
                .group(1));
        Matcher producer = find(PRODUCER, Files.readString(dir.resolve("kafka-producer.txt")), "kafka-producer.txt");
        double kafka = Double.parseDouble(producer.group(2));
        boolean burst = "waitlist-burst".equals(scenario);
        String rate = burst ? system.getProperty("burst.accepted-rate") : system.getProperty("peak.rate", "0");
        double systemRate = Double.parseDouble(rate);

        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario).append(", ").append(run.getProperty("started"))
                .append(Boolean.parseBoolean(run.getProperty("quick")) ? " (--quick: a smoke run, not a measurement)"
                        : "")
                .append("\n\n").append(run.getProperty("machine")).append(". The system and its baselines ran on ")
                .append("this machine one after the other: quote ratios from one run, ")
                .append("not figures across machines.\n\n");
        md.append("| figure | system | raw baseline | ratio |\n| --- | --- | --- | --- |\n");
        String figure = burst
                ? "registrations accepted/s into one event (target ≥ 1,000/s)"
                : "registrations/s, peak sustained (no error, p99 ≤ " + system.getProperty("p99.limit.ms")
                        + " ms; target ≥ 60 % of the baseline)";
        md.append(String.format(Locale.ROOT, "| %s / pgbench TPS, the same statements, %s event(s), %s clients "
                + "| %s | %s | %s |%n", figure, run.getProperty("events"), run.getProperty("pgbench.clients"),
                rate(systemRate), rate(pgbench), ratio(systemRate, pgbench)));
        md.append(String.format(Locale.ROOT, "| messages/s onto `registrations` at that rate / Kafka producer tool, "
                + "records of %s bytes, acks=all, %s partitions | %s | %s | %s |%n%n",
                run.getProperty("kafka.record-bytes"), run.getProperty("kafka.partitions"), rate(systemRate),
                rate(kafka), ratio(systemRate, kafka)));
        long[] pg = pgbenchLatencies();
        md.append("| latency (ms) | p50 | p95 | p99 |\n| --- | --- | --- | --- |\n");
        String prefix = burst ? "burst" : "peak";
        if (system.getProperty(prefix + ".p50") == null) {
            md.append("| registration request at the peak | no step held | | |\n");
        } else {
            md.append(String.format(Locale.ROOT, "| registration request (`POST`), %s | %s | %s | %s |%n",
                    burst ? "during the burst" : "at the peak step, " + rate(systemRate),
                    system.getProperty(prefix + ".p50"), system.getProperty(prefix + ".p95"),
                    system.getProperty(prefix + ".p99")));
        }
        md.append(String.format(Locale.ROOT, "| pgbench transaction (a registration's two) | %s | %s | %s |%n",
                millis(percentile(pg, 0.50)), millis(percentile(pg, 0.95)), millis(percentile(pg, 0.99))));
        md.append(String.format(Locale.ROOT, "| Kafka producer send, at full speed | %s | %s | %s |%n%n",
                producer.group(3), producer.group(4), producer.group(5)));
        if (burst) {
            md.append(String.format(Locale.ROOT, "The event at the end: %s stored for %s success answers; with %s "
                    + "places, expected %s: %s.%n%n", system.getProperty("event.states"),
                    system.getProperty("event.accepted"), system.getProperty("event.capacity"),
                    system.getProperty("event.expected"), checksHeld() ? "exact" : "WRONG"));
        } else {
            md.append("Stopped: ").append(system.getProperty("stop")).append(".\n\n");
        }
        md.append("## Steps (after a warm-up that is not judged)\n\n")
                .append(Files.readString(dir.resolve("steps.md"))).append('\n');
        md.append("""
                ## Files

                - `gatling/*/index.html`: Gatling's report, with throughput and latency over time
                - `pgbench.txt`, `pgbench-log/`: pgbench's output and its per-transaction latencies (µs, third column)
                - `kafka-producer.txt`: the Kafka producer tool's output
                - `logs/`: the services' logs; `run.properties`: the settings of this run
                """);
        return md.toString();
    }

    /** Every transaction's latency in microseconds, from pgbench's per-transaction logs, sorted. */
    private long[] pgbenchLatencies() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir.resolve("pgbench-log"))) {
            logs = files.sorted().toList();
        }
        List<Long> latencies = new ArrayList<>();
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.map(line -> line.split(" ")).filter(fields -> fields.length > 2)
                        .forEach(fields -> latencies.add(Long.parseLong(fields[2])));
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Nearest rank: the smallest value that at least {@code p} of the sorted values do not exceed. Here
     * rather than in Steps, which needs Gatling, so that this class runs with the JDK alone.
     */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Matcher find(Pattern pattern, String text, String file) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(file + " does not have its summary (" + pattern + ")");
        }
        return m;
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    private static String ratio(double system, double baseline) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * system / baseline);
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
