package org.convene.localstack.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.convene.localstack.LocalStack;
import org.convene.localstack.PortTakenException;

/**
 * The run command: the local stack, the three services and the demo events on one machine. Prints
 * the URLs, runs until Ctrl-C, then stops everything. Data is kept in the data directory between
 * runs unless {@code --clean} is given.
 */
public final class RunCommand {

    /** Also printed by the ./run script itself, so that --help answers before any build. */
    private static final String USAGE = usage();

    /** The option that moves each component's port, to name it when that port is taken. */
    private static final Map<String, String> PORT_OPTIONS = Map.of(
            "Kafka", "--kafka-port", "Kafka controller", "--kafka-controller-port", "PostgreSQL", "--postgres-port",
            "SMTP server", "--smtp-port", "Captured-email page", "--mail-page-port",
            "events-service", "--events-port", "registration-service", "--registration-port",
            "notification-service", "--notification-port");

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The broker narrates its own start and stop at WARN; only its errors matter here.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        System.exit(new RunCommand().run(options, System.out));
    }

    private static String usage() {
        try (InputStream in = RunCommand.class.getResourceAsStream("/run/usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int run(Options options, PrintStream out) throws Exception {
        long started = System.nanoTime();
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (running.isEmpty()) {
                stopped.countDown();
                return;
            }
            out.println("\nStopping Convene…");
            for (AutoCloseable part : running.reversed()) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("Could not stop cleanly: " + e);
                }
            }
            out.println("Stopped. Data is kept in " + options.dataDir + " (./run --clean starts afresh).");
            stopped.countDown();
        }, "convene-stop"));
        try {
            out.println("Starting Kafka, PostgreSQL and SMTP…");
            LocalStack stack = LocalStack.start(options.stack());
            running.add(stack);
            if (options.infraOnly) {
                printInfra(out, stack, options);
            } else {
                out.println("Starting events-service, registration-service and notification-service…");
                ConveneServices services = ConveneServices.start(Path.of("").toAbsolutePath(), stack,
                        options.services, options.dataDir.resolve("logs"));
                running.add(services);
                List<DemoData.DemoEvent> demo = options.demoData
                        ? new DemoData(services.get("events-service").url(), stack.organiserSecrets()).load(LocalDate.now())
                        : List.of();
                printSystem(out, stack, services, demo, options);
                printMemory(out, services);
            }
            out.printf("%nReady in %.1f s%s. Press Ctrl-C to stop.%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0, sinceCommand());
        } catch (PortTakenException e) {
            System.err.println(e.getMessage() + ". Stop that program, or choose another port with "
                    + PORT_OPTIONS.getOrDefault(e.component(), "the port options") + " N.");
            return 2;
        }
        stopped.await();
        return 0;
    }

    /** The whole wait, build included, when the ./run script says when it began (epoch milliseconds). */
    private static String sinceCommand() {
        String began = System.getenv("CONVENE_RUN_BEGAN_AT_MS");
        if (began == null || !began.matches("\\d+")) {
            return "";
        }
        return String.format(" (%.0f s since ./run began, the build included)",
                (System.currentTimeMillis() - Long.parseLong(began)) / 1000.0);
    }

    private static void printSystem(PrintStream out, LocalStack stack, ConveneServices services,
            List<DemoData.DemoEvent> demo, Options options) {
        String registration = services.get("registration-service").url();
        String events = services.get("events-service").url();
        out.println();
        out.println("Convene is running.");
        out.println("  Public event pages   " + registration + "/");
        for (DemoData.DemoEvent event : demo) {
            out.println("    " + event.title());
            out.println("      " + registration + "/events/" + event.slug());
        }
        out.println("  Back office          " + events + "/organiser");
        out.println("  Organiser API        " + events + "/api/events   (OpenAPI: " + events + "/q/swagger-ui)");
        out.println("  Organiser sign-in    " + stack.organiserSecrets().email() + " / "
                + stack.organiserSecrets().password() + "   (the back office's form, or POST " + events + "/api/session)");
        for (ServiceProcess service : services.all()) {
            out.printf("  %-20s %s/q/health   log: %s%n", service.name(), service.url(),
                    options.dataDir.resolve("logs").resolve(service.name() + ".log"));
        }
        printInfra(out, stack, options);
    }

    /** Resident memory right after start: the footprint figures of the README come from here. */
    private static void printMemory(PrintStream out, ConveneServices services) throws java.io.IOException {
        StringBuilder line = new StringBuilder("  Resident memory      ");
        for (ServiceProcess service : services.all()) {
            line.append(service.name()).append(' ').append(service.residentKilobytes() / 1024).append(" MB, ");
        }
        line.append("local stack (this process) ").append(selfResidentKilobytes() / 1024).append(" MB");
        out.println(line);
    }

    private static long selfResidentKilobytes() throws java.io.IOException {
        return ServiceProcess.residentKilobytes(ProcessHandle.current().pid());
    }

    private static void printInfra(PrintStream out, LocalStack stack, Options options) {
        out.println("  Kafka                " + stack.kafkaBootstrapServers());
        out.println("  PostgreSQL           " + stack.jdbcUrl("<service>") + "  (databases "
                + String.join(", ", LocalStack.DATABASES) + "; user = database, password \""
                + LocalStack.DATABASE_PASSWORD + "\")");
        out.println("  SMTP                 localhost:" + stack.smtpPort());
        out.println("  Captured emails      " + stack.mailPageUrl());
        out.println("  Data                 " + options.dataDir.toAbsolutePath());
    }

    static final class Options {
        boolean help;
        boolean clean;
        boolean infraOnly;
        boolean demoData = true;
        Path dataDir = Path.of(".local-stack");
        ConveneServices.ServicePorts services = ConveneServices.ServicePorts.defaults();
        private final Map<String, Integer> ports = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            LocalStack.Settings d = LocalStack.Settings.defaults(o.dataDir);
            o.ports.put("--kafka-port", d.kafkaPort());
            o.ports.put("--kafka-controller-port", d.kafkaControllerPort());
            o.ports.put("--postgres-port", d.postgresPort());
            o.ports.put("--smtp-port", d.smtpPort());
            o.ports.put("--mail-page-port", d.mailPagePort());
            o.ports.put("--events-port", o.services.events());
            o.ports.put("--registration-port", o.services.registration());
            o.ports.put("--notification-port", o.services.notification());
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> o.help = true;
                    case "--clean" -> o.clean = true;
                    case "--infra-only" -> o.infraOnly = true;
                    case "--no-demo-data" -> o.demoData = false;
                    case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, arg));
                    default -> {
                        if (!o.ports.containsKey(arg)) {
                            throw new IllegalArgumentException("Unknown option " + arg);
                        }
                        o.ports.put(arg, port(value(args, ++i, arg), arg));
                    }
                }
            }
            o.services = new ConveneServices.ServicePorts(o.ports.get("--events-port"),
                    o.ports.get("--registration-port"), o.ports.get("--notification-port"));
            return o;
        }

        LocalStack.Settings stack() {
            return new LocalStack.Settings(dataDir, clean, ports.get("--kafka-port"),
                    ports.get("--kafka-controller-port"), ports.get("--postgres-port"), ports.get("--smtp-port"),
                    ports.get("--mail-page-port"));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String value, String option) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a port number from 1 to 65535, not " + value);
            }
        }
    }
}
