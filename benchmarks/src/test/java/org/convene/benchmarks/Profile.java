package org.convene.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Writes {@code profile.md} from the JFR recordings that {@code BENCH_PROFILE=1 benchmarks/bench …} made
 * of each service during the measured load: where each service's CPU went, as shares of its execution
 * samples. A sample counts for the part nearest the top of its stack (the code that was running, not
 * whatever called it: a query's time is Hibernate's or the driver's, not the transaction's), and for the
 * method it was in. Only the JDK: bench runs it with the compiled test classes alone.
 */
public final class Profile {

    /** Parts of a service that a sample can be in, by the package names in its stack. */
    private static final Map<String, List<String>> PARTS = parts();
    private static final String OTHER = "other";
    private static final int TOP_METHODS = 15;

    private Profile() {
    }

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("Hibernate ORM", List.of("org.hibernate."));
        parts.put("JDBC driver and pool (PostgreSQL, Agroal)", List.of("org.postgresql.", "io.agroal."));
        parts.put("transactions (Narayana)", List.of("com.arjuna."));
        parts.put("Kafka client and Reactive Messaging", List.of("org.apache.kafka.", "io.smallrye.reactive.messaging."));
        parts.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        parts.put("HTTP (Vert.x, RESTEasy Reactive)", List.of("io.vertx.core.http.", "org.jboss.resteasy.reactive."));
        parts.put("templates (Qute)", List.of("io.quarkus.qute."));
        parts.put("mail client (Vert.x)", List.of("io.vertx.ext.mail."));
        parts.put("OpenTelemetry (exporting off)", List.of("io.opentelemetry."));
        parts.put("metrics (Micrometer)", List.of("io.micrometer."));
        parts.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        parts.put("CDI and interceptors (ArC)", List.of("io.quarkus.arc."));
        parts.put("Convene's own code", List.of("org.convene."));
        return parts;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> recordings;
        try (Stream<Path> files = Files.list(dir.resolve("profile"))) {
            recordings = files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
        StringBuilder md = new StringBuilder("# Where the services' CPU went\n\n");
        md.append("JFR (`settings=profile`) recorded each service during the measured load. A share is of the ")
                .append("service's execution samples (Java code on a CPU); a sample counts for the part nearest ")
                .append("the top of its stack, and the rest (the JDK, Netty, Quarkus' core) as other. CPU is the ")
                .append("service's whole process (JIT compiler and GC threads too), from JFR's CPU load events.\n");
        for (Path recording : recordings) {
            md.append(service(recording));
        }
        Files.writeString(dir.resolve("profile.md"), md);
        System.out.print(md);
    }

    private static String service(Path recording) throws IOException {
        Map<String, Integer> byPart = new LinkedHashMap<>();
        Map<String, Integer> byTopMethod = new HashMap<>();
        int samples = 0;
        double cpuSeconds = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    byPart.merge(part(frames), 1, Integer::sum);
                    RecordedFrame top = frames.getFirst();
                    byTopMethod.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1,
                            Integer::sum);
                }
                // One a second: the process's share of the machine's CPU time over that second.
                case "jdk.CPULoad" -> cpuSeconds += (event.getFloat("jvmUser") + event.getFloat("jvmSystem"))
                        * Runtime.getRuntime().availableProcessors();
                default -> {
                    // other events of the profile settings are not summarised here
                }
            }
        }
        String name = recording.getFileName().toString().replace(".jfr", "");
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%n## %s%n%nCPU: %.1f s; %d execution samples.%n%n", name, cpuSeconds,
                samples));
        md.append("| part | share of samples |\n| --- | --- |\n");
        int total = samples;
        Stream.concat(PARTS.keySet().stream(), Stream.of(OTHER)).forEach(part -> md.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", part,
                percent(byPart.getOrDefault(part, 0), total))));
        md.append("\n| method it was in (top frame) | share of samples |\n| --- | --- |\n");
        List<Map.Entry<String, Integer>> top = new ArrayList<>(byTopMethod.entrySet());
        top.sort(Map.Entry.<String, Integer> comparingByValue().reversed());
        top.stream().limit(TOP_METHODS).forEach(entry -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n",
                entry.getKey(), percent(entry.getValue(), total))));
        return md.toString();
    }

    private static String part(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
                if (part.getValue().stream().anyMatch(type::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return OTHER;
    }

    private static double percent(int part, int total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }
}
