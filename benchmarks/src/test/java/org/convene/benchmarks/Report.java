package org.convene.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes a run's {@code results.md} from what its parts left in the results directory: the
 * scenario's {@code system.properties} (and {@code steps.md} where Gatling ran), the baselines' outputs
 * (pgbench's output and transaction logs, the Kafka producer tool's output, smtp-sink's counts), the
 * services' resident memory ({@code rss.txt}) and the run's {@code run.properties} (written by
 * benchmarks/bench). Only the JDK: bench runs it with the compiled test classes alone.
 */
public final class Report {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern PRODUCER = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?"
            + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");
    private static final List<String> SERVICES = List.of("events-service", "registration-service",
            "notification-service");
    /** The window of the CPU section: long enough to even out the one-second samples. */
    private static final long CPU_WINDOW_MS = 10_000;
    /** The other parts bench samples the CPU of, besides the services, with what the report calls them. */
    private static final List<Map.Entry<String, String>> CPU_OTHERS = List.of(
            Map.entry("postgresql", "PostgreSQL, all its processes"),
            Map.entry("local-stack", "Kafka and the SMTP server (the local stack's JVM)"));
    /** The target for scenario 3. */
    private static final long CONFIRMATION_P99_TARGET_MS = 2000;

    private final Path dir;
    private final Properties run;
    private final Properties system;
    private final String scenario;

    private Report(Path dir) throws IOException {
        this.dir = dir;
        run = load(dir.resolve("run.properties"));
        system = load(dir.resolve("system.properties"));
        scenario = run.getProperty("scenario");
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

    /**
     * What the scenario checks beside its figures held: scenario 2, the event's places and waitlist;
     * scenario 4, every reminder accepted once.
     */
    private boolean checksHeld() throws IOException {
        return switch (scenario) {
            case "waitlist-burst" -> !"false".equals(system.getProperty("event.exact"));
            case "reminder-fan-out" -> fanOut().exact();
            default -> true;
        };
    }

    private String write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario).append(", ").append(run.getProperty("started"))
                .append(Boolean.parseBoolean(run.getProperty("quick")) ? " (--quick: a smoke run, not a measurement)"
                        : "")
                .append("\n\n").append(run.getProperty("machine")).append(". The system and its baselines ran on ")
                .append("this machine one after the other: quote ratios from one run, ")
                .append("not figures across machines.\n\n");
        switch (scenario) {
            case "confirmation-latency" -> confirmationLatency(md);
            case "reminder-fan-out" -> reminderFanOut(md);
            default -> registrationBurst(md);
        }
        if (Files.exists(dir.resolve("steps.md"))) {
            md.append("## Steps (after a warm-up that is not judged)\n\n")
                    .append(Files.readString(dir.resolve("steps.md"))).append('\n');
        }
        footprint(md);
        cpu(md);
        files(md);
        return md.toString();
    }

    /** Scenarios 1 and 2: the registrations' rate against pgbench and the Kafka producer. */
    private void registrationBurst(StringBuilder md) throws IOException {
        boolean burst = "waitlist-burst".equals(scenario);
        String rate = burst ? system.getProperty("burst.accepted-rate") : system.getProperty("peak.rate", "0");
        double systemRate = Double.parseDouble(rate);
        md.append("| figure | system | raw baseline | ratio |\n| --- | --- | --- | --- |\n");
        String figure = burst
                ? "registrations accepted/s into one event, every success answer from the burst's start to the last"
                        + " (target ≥ 1,000/s)"
                : "registrations/s, peak sustained (no error, p99 ≤ " + system.getProperty("p99.limit.ms")
                        + " ms; target ≥ 60 % of the baseline)";
        registrationRows(md, figure, systemRate);
        md.append('\n');
        md.append("| latency (ms) | p50 | p95 | p99 |\n| --- | --- | --- | --- |\n");
        String prefix = burst ? "burst" : "peak";
        if (system.getProperty(prefix + ".p50") == null) {
            md.append("| registration request at the peak | no step held | | |\n");
        } else {
            md.append(String.format(Locale.ROOT, "| registration request (`POST`), %s | %s | %s | %s |%n",
                    burst ? "of the burst, every success answer" : "at the peak step, " + rate(systemRate),
                    system.getProperty(prefix + ".p50"), system.getProperty(prefix + ".p95"),
                    system.getProperty(prefix + ".p99")));
        }
        baselineLatencyRows(md);
        md.append('\n');
        if (burst) {
            md.append(String.format(Locale.ROOT, "The event at the end: %s stored for %s success answers; with %s "
                    + "places, expected %s: %s.%n%n", system.getProperty("event.states"),
                    system.getProperty("event.accepted"), system.getProperty("event.capacity"),
                    system.getProperty("event.expected"), checksHeld() ? "exact" : "WRONG"));
        } else {
            md.append("Stopped: ").append(system.getProperty("stop")).append(".\n\n");
        }
    }

    /** Scenario 3: each registration's answer to its confirmation's acceptance, at a constant rate. */
    private void confirmationLatency(StringBuilder md) throws IOException {
        double rate = Double.parseDouble(system.getProperty("registration.rate"));
        long p99 = Long.parseLong(system.getProperty("confirmation.p99"));
        Smtp smtp = smtp();
        md.append("| figure | system | target or raw baseline | ratio |\n| --- | --- | --- | --- |\n");
        String verdict = p99 < CONFIRMATION_P99_TARGET_MS ? "met" : "missed";
        md.append(String.format(Locale.ROOT, "| confirmation latency p99: registration's answer → the SMTP server's "
                + "acceptance of its confirmation, at %s | %s | target < %,d ms | %s |%n", rate(rate),
                p99 == Long.MAX_VALUE ? "not within the wait" : ms(p99) + " ms", CONFIRMATION_P99_TARGET_MS,
                p99 == Long.MAX_VALUE ? verdict : String.format(Locale.ROOT, "%.0f %% of the target: %s",
                        100.0 * p99 / CONFIRMATION_P99_TARGET_MS, verdict)));
        registrationRows(md, "registrations/s, the arrival rate", rate);
        md.append(String.format(Locale.ROOT, "| confirmations/s at that rate / smtp-source into smtp-sink, "
                + "%s sessions, %s | %s | %s | %s |%n%n", smtp.sessions, run.getProperty("smtp.message"), rate(rate),
                rate(smtp.rate), ratio(rate, smtp.rate)));
        md.append("| latency (ms) | p50 | p95 | p99 |\n| --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| confirmation: registration's answer → SMTP acceptance "
                + "| %s | %s | %s |%n",
                ms(Long.parseLong(system.getProperty("confirmation.p50"))),
                ms(Long.parseLong(system.getProperty("confirmation.p95"))), ms(p99)));
        md.append(String.format(Locale.ROOT, "| registration request (`POST`), %s errors | %s | %s | %s |%n",
                system.getProperty("registration.errors"), system.getProperty("registration.p50"),
                system.getProperty("registration.p95"), system.getProperty("registration.p99")));
        baselineLatencyRows(md);
        md.append('\n');
        md.append(String.format(Locale.ROOT, "%s registrations answered with success were timed; %s confirmations "
                + "did not reach the SMTP server within %s s of the load's end (counted as over any latency).%n%n",
                system.getProperty("confirmation.registrations"), system.getProperty("confirmation.missing"),
                system.getProperty("confirmation.wait-seconds")));
        List<String[]> rows = Files.readAllLines(dir.resolve("confirmations.csv")).stream().skip(1)
                .map(line -> line.split(",", -1)).filter(fields -> !fields[3].isEmpty()).toList();
        long first = rows.stream().mapToLong(fields -> Long.parseLong(fields[1])).min().orElse(0);
        Files.writeString(dir.resolve("confirmations.svg"), Chart.svg("Confirmation latency by registration",
                "seconds since the first timed answer", "ms from answer to SMTP acceptance", List.of(
                        new Chart.Series("one registration's confirmation", "#1f6fb4",
                                rows.stream().mapToDouble(fields -> (Long.parseLong(fields[1]) - first) / 1000.0)
                                        .toArray(),
                                rows.stream().mapToDouble(fields -> Long.parseLong(fields[3])).toArray(), true))));
        md.append("![Confirmation latency by registration](confirmations.svg)\n\n");
    }

    /** Scenario 4: from the reminder falling due to smtp-sink accepting the last, against smtp-source. */
    private void reminderFanOut(StringBuilder md) throws IOException {
        FanOut fanOut = fanOut();
        Smtp smtp = smtp();
        md.append("| figure | system | raw baseline | ratio |\n| --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| reminders/s from falling due to the last accepted by smtp-sink, "
                + "%,d registrants (target ≥ 50 %% of the baseline) / smtp-source into the same smtp-sink, %s "
                + "sessions, %s | %s | %s | %s |%n%n", fanOut.registrants, smtp.sessions,
                run.getProperty("smtp.message"), rate(fanOut.rate()), rate(smtp.rate),
                ratio(fanOut.rate(), smtp.rate)));
        md.append("| time until accepted (s) | p50 | p95 | p99 | last |\n| --- | --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| reminders, from falling due | %s | %s | %s | %s |%n",
                seconds(percentile(fanOut.delays, 0.50)), seconds(percentile(fanOut.delays, 0.95)),
                seconds(percentile(fanOut.delays, 0.99)), seconds(percentile(fanOut.delays, 1.0))));
        md.append(String.format(Locale.ROOT, "| smtp-source's messages, from its start | %s | %s | %s | %s |%n%n",
                seconds(percentile(smtp.delays, 0.50)), seconds(percentile(smtp.delays, 0.95)),
                seconds(percentile(smtp.delays, 0.99)), seconds(percentile(smtp.delays, 1.0))));
        md.append(String.format(Locale.ROOT, "The reminder fell due %s minutes before the event's start; "
                + "events-service's counts showed every reminder planned %s. smtp-sink accepted %,d messages "
                + "after it fell due and before the baseline, for %,d registrants: %s. As notification-service "
                + "recorded them: %s. Send rate cap (`convene.mail.rate-per-second`): %s.%n%n",
                system.getProperty("fanout.minutes-before-start"), planned(system.getProperty(
                        "fanout.planned-before-due-ms")), fanOut.accepted, fanOut.registrants,
                fanOut.exact() ? "each once" : "WRONG", system.getProperty("fanout.recorded"),
                "0".equals(run.getProperty("convene.mail.rate-per-second")) ? "none"
                        : run.getProperty("convene.mail.rate-per-second") + "/s"));
        Files.writeString(dir.resolve("fan-out.svg"), Chart.svg("Messages accepted by smtp-sink",
                "seconds since the reminder fell due, or since smtp-source started", "messages accepted", List.of(
                        accepted("reminders (the system)", "#1f6fb4", fanOut.delays),
                        accepted("smtp-source (raw baseline)", "#d1622b", smtp.delays))));
        md.append("![Messages accepted by smtp-sink over time](fan-out.svg)\n\n");
    }

    /** The count of messages accepted over time, from each one's time since the start. */
    private static Chart.Series accepted(String name, String colour, long[] delays) {
        return new Chart.Series(name, colour, Arrays.stream(delays).mapToDouble(d -> d / 1000.0).toArray(),
                IntStream.rangeClosed(1, delays.length).asDoubleStream().toArray(), false);
    }

    /** The rows of a registration rate against pgbench and the Kafka producer tool. */
    private void registrationRows(StringBuilder md, String figure, double systemRate) throws IOException {
        double pgbench = Double.parseDouble(find(TPS, Files.readString(dir.resolve("pgbench.txt")), "pgbench.txt")
                .group(1));
        double kafka = Double.parseDouble(producer().group(2));
        md.append(String.format(Locale.ROOT, "| %s / pgbench TPS, the same statements, %s event(s), %s clients "
                + "| %s | %s | %s |%n", figure, run.getProperty("events"), run.getProperty("pgbench.clients"),
                rate(systemRate), rate(pgbench), ratio(systemRate, pgbench)));
        md.append(String.format(Locale.ROOT, "| messages/s onto `registrations` at that rate / Kafka producer tool, "
                + "records of %s bytes, acks=all, %s partitions | %s | %s | %s |%n",
                run.getProperty("kafka.record-bytes"), run.getProperty("kafka.partitions"), rate(systemRate),
                rate(kafka), ratio(systemRate, kafka)));
    }

    private void baselineLatencyRows(StringBuilder md) throws IOException {
        long[] pg = pgbenchLatencies();
        Matcher producer = producer();
        md.append(String.format(Locale.ROOT, "| pgbench transaction (a registration's two) | %s | %s | %s |%n",
                micros(percentile(pg, 0.50)), micros(percentile(pg, 0.95)), micros(percentile(pg, 0.99))));
        md.append(String.format(Locale.ROOT, "| Kafka producer send, at full speed | %s | %s | %s |%n",
                producer.group(3), producer.group(4), producer.group(5)));
    }

    /** Scenario 5, in every run: each service's start and resident memory, at rest and under this load. */
    private void footprint(StringBuilder md) throws IOException {
        Path rss = dir.resolve("rss.txt");
        if (!Files.exists(rss)) {
            return;
        }
        Map<String, Long> rest = new LinkedHashMap<>();
        Map<String, Long> peak = new LinkedHashMap<>();
        for (String line : Files.readAllLines(rss)) {
            String[] fields = line.split(" ");
            if (fields.length < 4) {
                continue; // the process was gone
            }
            long kilobytes = Long.parseLong(fields[3]);
            (fields[1].equals("rest") ? rest : peak).merge(fields[2], kilobytes, Math::max);
        }
        md.append("## Footprint\n\n| service | start to ready | resident memory at rest | peak under this "
                + "scenario's load |\n| --- | --- | --- | --- |\n");
        for (String service : SERVICES) {
            String ready = run.getProperty("footprint." + service + ".ready-ms", "");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", service,
                    ready.isEmpty() ? "" : seconds(Long.parseLong(ready)), megabytes(rest.get(service)),
                    megabytes(peak.get(service))));
        }
        md.append("\nStart to ready: from the process's start to its first ready answer (`/q/health/ready`, asked "
                + "every 0.1 s), the three services starting at once. Resident memory: VmRSS, before the load and "
                + "every second during it.\n\n");
    }

    /** Where the cores went in the busiest {@value #CPU_WINDOW_MS} ms of the load: the services and the rest. */
    private void cpu(StringBuilder md) throws IOException {
        Path cpu = dir.resolve("cpu.txt");
        if (!Files.exists(cpu)) {
            return;
        }
        // Each sample: when, then the machine's busy and total ticks and each service's own, used so far.
        Map<Long, Map<String, long[]>> samples = new TreeMap<>();
        for (String line : Files.readAllLines(cpu)) {
            String[] fields = line.split(" ");
            if (fields.length < 3) {
                continue; // the process was gone
            }
            long[] ticks = Arrays.stream(fields, 2, fields.length).mapToLong(Long::parseLong).toArray();
            samples.computeIfAbsent(Long.parseLong(fields[0]), t -> new LinkedHashMap<>()).put(fields[1], ticks);
        }
        // Within the judged part of the load where the scenario says which it is (not its warm-up).
        long from = Long.parseLong(system.getProperty("judged.from", "0"));
        long to = Long.parseLong(system.getProperty("judged.to", String.valueOf(Long.MAX_VALUE)));
        List<Map.Entry<Long, Map<String, long[]>>> series = samples.entrySet().stream()
                .filter(sample -> sample.getKey() >= from && sample.getKey() <= to)
                .filter(sample -> sample.getValue().keySet().containsAll(SERVICES)
                        && sample.getValue().containsKey("machine"))
                .toList();
        double ticksPerSecond = Double.parseDouble(run.getProperty("clock.ticks-per-second", "100"));
        int first = -1;
        int last = -1;
        double busiest = -1;
        for (int i = 0, j = 0; i < series.size(); i++) {
            while (j < series.size() && series.get(j).getKey() - series.get(i).getKey() < CPU_WINDOW_MS) {
                j++;
            }
            if (j == series.size()) {
                break;
            }
            double busy = cores(series.get(i), series.get(j), "machine", ticksPerSecond);
            if (busy > busiest) {
                busiest = busy;
                first = i;
                last = j;
            }
        }
        if (first < 0) {
            return; // a load shorter than the window
        }
        Map.Entry<Long, Map<String, long[]>> start = series.get(first);
        Map.Entry<Long, Map<String, long[]>> end = series.get(last);
        md.append(String.format(Locale.ROOT, "## CPU%n%nThe busiest %d s of the judged load (from %d s after "
                + "its start): the machine's cores in use, and whose. CPU time from /proc, sampled every second.%n%n"
                + "| part | cores |%n| --- | --- |%n", CPU_WINDOW_MS / 1000,
                (start.getKey() - series.getFirst().getKey()) / 1000));
        double services = 0;
        for (String service : SERVICES) {
            double used = cores(start, end, service, ticksPerSecond);
            services += used;
            md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", service, used));
        }
        double known = services;
        for (Map.Entry<String, String> other : CPU_OTHERS) {
            if (start.getValue().containsKey(other.getKey()) && end.getValue().containsKey(other.getKey())) {
                double used = cores(start, end, other.getKey(), ticksPerSecond);
                known += used;
                md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", other.getValue(), used));
            }
        }
        md.append(String.format(Locale.ROOT, "| everything else: the load generator, the SMTP sink, the system "
                + "| %.2f |%n| the machine (of %s cores) | %.2f |%n%n", busiest - known,
                run.getProperty("machine").split(" ")[0], busiest));
    }

    private static double cores(Map.Entry<Long, Map<String, long[]>> start, Map.Entry<Long, Map<String, long[]>> end,
            String part, double ticksPerSecond) {
        double seconds = (end.getKey() - start.getKey()) / 1000.0;
        return (end.getValue().get(part)[0] - start.getValue().get(part)[0]) / ticksPerSecond / seconds;
    }

    private void files(StringBuilder md) {
        md.append("## Files\n\n");
        if (Files.exists(dir.resolve("gatling"))) {
            md.append("- `gatling/*/index.html`: Gatling's report, with throughput and latency over time\n");
        }
        if (Files.exists(dir.resolve("confirmations.csv"))) {
            md.append("- `confirmations.csv`, `confirmations.svg`: each timed registration, when it was answered and "
                    + "when its confirmation was accepted (epoch ms), and their chart\n");
        }
        if (Files.exists(dir.resolve("fan-out.txt"))) {
            md.append("- `fan-out.svg`: the messages smtp-sink accepted over time, reminders and baseline; "
                    + "`fan-out.txt`: the scenario's steps; `reminder.eml`: the reminder smtp-source sent; "
                    + "`smtp-sink-dump/`: the warm-up's emails as smtp-sink received them\n");
        }
        if (Files.exists(dir.resolve("pgbench.txt"))) {
            md.append("- `pgbench.txt`, `pgbench-log/`: pgbench's output and its per-transaction latencies "
                    + "(µs, third column)\n");
            md.append("- `kafka-producer.txt`: the Kafka producer tool's output\n");
        }
        if (Files.exists(dir.resolve("smtp-sink-counts.txt"))) {
            md.append("- `smtp-sink-counts.txt`: when smtp-sink accepted each message (epoch ms, count); "
                    + "`smtp-source.txt`: smtp-source's output\n");
        }
        md.append("- `rss.txt`: the services' resident memory (epoch ms, rest or load, service, kB); `cpu.txt`: "
                + "the CPU time used so far (epoch ms, then the machine's busy and total clock ticks, or a "
                + "service's)\n");
        md.append("- `logs/`: the services' logs; `run.properties`: the settings of this run\n");
    }

    /** smtp-source's messages into smtp-sink: from its start to each acceptance, and its rate. */
    private record Smtp(String sessions, long[] delays, double rate) {
    }

    private Smtp smtp() throws IOException {
        long[] accepted = SinkCounts.acceptedAt(dir.resolve("smtp-sink-counts.txt"));
        int before = Integer.parseInt(run.getProperty("smtp.count-before"));
        int messages = Integer.parseInt(run.getProperty("smtp.messages"));
        long[] delays = since(Long.parseLong(run.getProperty("smtp.started")), accepted, before, messages);
        return new Smtp(run.getProperty("smtp.sessions"), delays, messages / (percentile(delays, 1.0) / 1000.0));
    }

    /**
     * The fan-out's reminders: from falling due to each acceptance by smtp-sink, which took nothing else
     * from the end of the confirmations to the start of the baseline.
     */
    private record FanOut(int registrants, long accepted, long[] delays) {

        double rate() {
            return delays.length == 0 ? 0 : delays.length / (Math.max(1, delays[delays.length - 1]) / 1000.0);
        }

        boolean exact() {
            return accepted == registrants;
        }
    }

    private FanOut fanOut() throws IOException {
        long[] accepted = SinkCounts.acceptedAt(dir.resolve("smtp-sink-counts.txt"));
        int registrants = Integer.parseInt(system.getProperty("fanout.registrants"));
        int before = Integer.parseInt(system.getProperty("fanout.count-before"));
        long after = Long.parseLong(run.getProperty("smtp.count-before", String.valueOf(accepted.length)));
        long[] delays = since(Long.parseLong(system.getProperty("fanout.due")), accepted, before,
                (int) Math.min(registrants, after - before));
        return new FanOut(registrants, after - before, delays);
    }

    /** The time from {@code start} to the acceptance of messages {@code before + 1} to {@code before + count}. */
    private static long[] since(long start, long[] accepted, int before, int count) {
        return Arrays.stream(accepted, before, Math.min(accepted.length, before + count)).map(t -> t - start)
                .toArray();
    }

    private Matcher producer() throws IOException {
        return find(PRODUCER, Files.readString(dir.resolve("kafka-producer.txt")), "kafka-producer.txt");
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

    private static String planned(String beforeDueMillis) {
        try {
            return String.format(Locale.ROOT, "%.1f s before it fell due", Long.parseLong(beforeDueMillis) / 1000.0);
        } catch (NumberFormatException e) {
            return beforeDueMillis;
        }
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    private static String ratio(double system, double baseline) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * system / baseline);
    }

    private static String micros(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** Milliseconds, or that it never came ({@link Long#MAX_VALUE}: a confirmation that did not arrive). */
    private static String ms(long millis) {
        return millis == Long.MAX_VALUE ? "not within the wait" : String.format(Locale.ROOT, "%,d", millis);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String megabytes(Long kilobytes) {
        return kilobytes == null ? "" : String.format(Locale.ROOT, "%,d MB", kilobytes / 1024);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
