package org.convene.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real Kafka, PostgreSQL and SMTP on one machine, without Docker: what the services need, started
 * in this JVM. Everything listens on loopback only.
 */
public final class LocalStack implements AutoCloseable {

    /** One database, and one user of the same name, per service that owns data. */
    public static final List<String> DATABASES = List.of("events", "registrations", "notifications");
    /** Not a secret: the stack listens on loopback only and exists for development and tests. */
    public static final String DATABASE_PASSWORD = "local";

    private final Settings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalKafka kafka;
    private PostgresServer postgres;
    private MailCatcher mail;
    private OrganiserSecrets organiserSecrets;
    private LinkSecret linkSecret;

    /**
     * @param dataDir  where Kafka's log, PostgreSQL's data and the captured emails are kept
     * @param clean    start from nothing, deleting what an earlier start left in {@code dataDir}
     * @param kafkaInOwnProcess the broker in a JVM of its own, which {@link #killKafka()} can kill, its log in
     *                 {@code dataDir/logs/kafka.log}; otherwise in this JVM, as {@code ./run} and the benchmarks
     *                 have it: one process less to start, watch and measure
     */
    public record Settings(Path dataDir, boolean clean, int kafkaPort, int kafkaControllerPort, int postgresPort,
            int smtpPort, int mailPagePort, boolean kafkaInOwnProcess) {

        public Settings(Path dataDir, boolean clean, int kafkaPort, int kafkaControllerPort, int postgresPort,
                int smtpPort, int mailPagePort) {
            this(dataDir, clean, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailPagePort, false);
        }

        public Settings withKafkaInOwnProcess() {
            return new Settings(dataDir, clean, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailPagePort,
                    true);
        }

        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, false, 19092, 19093, 15432, 2525, 8025);
        }

        /** Fresh ports and a clean directory: for tests, beside anything else running. */
        public static Settings ephemeral(Path dataDir) {
            return new Settings(dataDir, true, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        }
    }

    private LocalStack(Settings settings) {
        this.settings = settings;
    }

    /** Starts all three parts, or none: a part that fails stops the ones already started. */
    public static LocalStack start(Settings settings) throws Exception {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path dir = settings.dataDir();
        if (settings.clean()) {
            deleteRecursively(dir.resolve("data"));
        }
        organiserSecrets = OrganiserSecrets.loadOrCreate(dir.resolve("data/keys"), OrganiserSecrets.DEFAULT_EMAIL);
        linkSecret = LinkSecret.loadOrCreate(dir.resolve("data/keys"));
        mail = new MailCatcher(dir.resolve("data/mail"), settings.smtpPort(), settings.mailPagePort());
        mail.start();
        started.add(mail);
        postgres = new PostgresServer(dir.resolve("data/postgres"), dir.resolve("postgres-binaries"),
                settings.postgresPort());
        postgres.start();
        started.add(postgres);
        for (String database : DATABASES) {
            postgres.ensureDatabase(database, DATABASE_PASSWORD);
        }
        Path kafkaData = dir.resolve("data/kafka");
        kafka = settings.kafkaInOwnProcess()
                ? new KafkaBrokerProcess(kafkaData, settings.kafkaPort(), settings.kafkaControllerPort(),
                        dir.resolve("logs/kafka.log"))
                : new KafkaBroker(kafkaData, settings.kafkaPort(), settings.kafkaControllerPort());
        kafka.start();
        started.add(kafka);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public int smtpPort() {
        return settings.smtpPort();
    }

    /** The page that lists the captured emails; {@code api/messages} below it answers in JSON. */
    public String mailPageUrl() {
        return mail.url();
    }

    /** Takes the broker away, as an outage would; its data stays for {@link #startKafka()}. */
    public void stopKafka() {
        kafka.close();
    }

    /**
     * Kills the broker with SIGKILL, as a failing node would end it; its data stays for {@link #startKafka()},
     * which recovers its log as after any crash. Only a broker in its own process can be killed alone.
     */
    public void killKafka() throws InterruptedException {
        if (!(kafka instanceof KafkaBrokerProcess process)) {
            throw new IllegalStateException("The broker runs in this JVM; start the stack with"
                    + " Settings.withKafkaInOwnProcess() to kill it");
        }
        process.kill();
    }

    /** Brings the broker back on the same port with the same data. */
    public void startKafka() throws Exception {
        kafka.start();
    }

    /** Takes PostgreSQL away, as an outage would: a fast shutdown, its data kept for {@link #startPostgres()}. */
    public void stopPostgres() throws IOException {
        postgres.close();
    }

    /** Brings PostgreSQL back on the same port with the same data. */
    public void startPostgres() throws IOException {
        postgres.start();
    }

    /** The first organiser's sign-in and the token keys, kept with the data they belong to. */
    public OrganiserSecrets organiserSecrets() {
        return organiserSecrets;
    }

    /** What signs registrants' links, kept with the data too. */
    public LinkSecret linkSecret() {
        return linkSecret;
    }


    /** Stops in the reverse order of starting; keeps going if one part fails to stop. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : started.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("local stack did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
