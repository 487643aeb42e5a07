package org.convene.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The local stack as a Quarkus test resource: one stack per test JVM on free ports, configured
 * into the service under test. The init argument {@code database} names the service's database.
 * Tests find the captured emails at the config property {@code local-stack.mail-page}, and the first
 * organiser's sign-in at {@code convene.organiser.email} and {@code convene.organiser.password}.
 *
 * <p>The service's mail goes through a {@link FaultySmtp} in front of the stack's SMTP server, relaying
 * faithfully until a test arms a fault; a test gets it in any field of type {@code FaultySmtp}.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalStack stack;
    private static FaultySmtp smtp;
    private String database = "events";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        if (!LocalStack.DATABASES.contains(database)) {
            throw new IllegalArgumentException("no database " + database + " in the local stack; one of "
                    + LocalStack.DATABASES);
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        if (stack == null) {
            try {
                stack = LocalStack.start(LocalStack.Settings.ephemeral(Path.of("target", "local-stack")));
            } catch (Exception e) {
                throw new IllegalStateException("local stack did not start", e);
            }
            smtp = FaultySmtp.start("127.0.0.1", stack.smtpPort());
        }
        // A service restarted for another test profile starts with a faithful relay.
        smtp.reset();
        Map<String, String> config = new HashMap<>(stack.organiserSecrets().config());
        config.putAll(stack.linkSecret().config());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", stack.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", LocalStack.DATABASE_PASSWORD,
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "quarkus.mailer.host", "localhost",
                "quarkus.mailer.port", String.valueOf(smtp.port()),
                "local-stack.mail-page", stack.mailPageUrl()));
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smtp, new TestInjector.MatchesType(FaultySmtp.class));
    }

    @Override
    public synchronized void stop() {
        if (smtp != null) {
            smtp.close();
            smtp = null;
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
