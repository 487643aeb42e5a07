package org.convene.localstack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convene.localstack.LocalStack;
import org.convene.localstack.Ports;

/**
 * The three services as separate processes against one local stack, configured through the same
 * environment variables an operator sets in Kubernetes.
 */
public final class ConveneServices implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Where a service's jar is kept among its environment, until its process is made. */
    private static final String JAR = "convene.jar";

    /** The ports the services listen on. */
    public record ServicePorts(int events, int registration, int notification) {
        public static ServicePorts defaults() {
            return new ServicePorts(8081, 8080, 8082);
        }

        public static ServicePorts free() {
            return new ServicePorts(Ports.free(), Ports.free(), Ports.free());
        }
    }

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private Path logDir;
    private Map<String, Map<String, String>> settings = Map.of();

    private ConveneServices() {
    }

    /**
     * Starts events-service, registration-service and notification-service from their built jars
     * under {@code projectDir} and waits until each is ready.
     */
    public static ConveneServices start(Path projectDir, LocalStack stack, ServicePorts ports, Path logDir)
            throws Exception {
        return start(projectDir, stack, ports, logDir, Map.of());
    }

    /**
     * As {@link #start(Path, LocalStack, ServicePorts, Path)}, with settings of its own for some services
     * (environment variables by service name), as an operator would set them.
     */
    public static ConveneServices start(Path projectDir, LocalStack stack, ServicePorts ports, Path logDir,
            Map<String, Map<String, String>> settings) throws Exception {
        ConveneServices system = new ConveneServices();
        system.settings = Map.copyOf(settings);
        Map<String, String> events = new HashMap<>(stack.organiserSecrets().environment());
        // The back office links to the public pages of registration-service.
        events.put("CONVENE_PUBLIC_PAGES_URL", "http://localhost:" + ports.registration());
        system.add(projectDir, stack, logDir, "events-service", "events", ports.events(), events);
        Map<String, String> registration = new HashMap<>(stack.linkSecret().environment());
        registration.putAll(stack.organiserSecrets().verifierEnvironment());
        // The cancel links in emails lead back to the public pages.
        registration.put("CONVENE_PUBLIC_PAGES_URL", "http://localhost:" + ports.registration());
        system.add(projectDir, stack, logDir, "registration-service", "registrations", ports.registration(),
                registration);
        // Each service would have a secret of its own in production; one stack, one secret here.
        Map<String, String> notification = new HashMap<>(stack.linkSecret().environment());
        notification.put("QUARKUS_MAILER_HOST", "localhost");
        notification.put("QUARKUS_MAILER_PORT", String.valueOf(stack.smtpPort()));
        // Emails link to the event's public page, and to this service's own page to unsubscribe.
        notification.put("CONVENE_PUBLIC_PAGES_URL", "http://localhost:" + ports.registration());
        notification.put("CONVENE_UNSUBSCRIBE_URL", "http://localhost:" + ports.notification());
        system.add(projectDir, stack, logDir, "notification-service", "notifications", ports.notification(),
                notification);
        try {
            for (ServiceProcess service : system.services.values()) {
                Ports.requireFree(service.name(), service.port());
            }
            for (ServiceProcess service : system.services.values()) {
                service.start();
            }
            for (ServiceProcess service : system.services.values()) {
                service.awaitReady(READY_TIMEOUT);
            }
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    private void add(Path projectDir, LocalStack stack, Path logDir, String name, String database, int port,
            Map<String, String> extra) {
        this.logDir = logDir;
        Map<String, String> env = new HashMap<>(extra);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // Loopback only: the back office and the organiser API are not for the network this machine is on.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", database);
        env.put("QUARKUS_DATASOURCE_PASSWORD", LocalStack.DATABASE_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.putAll(settings.getOrDefault(name, Map.of()));
        env.put(JAR, projectDir.resolve(name).resolve("target/quarkus-app/quarkus-run.jar").toString());
        environments.put(name, env);
        services.put(name, process(name, name, port));
    }

    private ServiceProcess process(String service, String name, int port) {
        Map<String, String> env = new HashMap<>(environments.get(service));
        Path jar = Path.of(env.remove(JAR));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // Loopback only: the back office and the organiser API are not for the network this machine is on.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return new ServiceProcess(name, jar, port, env, logDir.resolve(name + ".log"));
    }

    /**
     * One more process of a running service, on {@code port}, against the same database, broker and
     * SMTP server: as a second replica would run. It is stopped with the others.
     */
    public ServiceProcess startReplica(String service, int port) throws Exception {
        get(service);
        String name = service + "-" + (services.keySet().stream().filter(n -> n.startsWith(service)).count() + 1);
        ServiceProcess replica = process(service, name, port);
        services.put(name, replica);
        replica.start();
        replica.awaitReady(READY_TIMEOUT);
        return replica;
    }

    /** Stops a replica from {@link #startReplica} and forgets it: the system is as it was before. */
    public void stopReplica(ServiceProcess replica) throws InterruptedException {
        replica.stop();
        services.values().remove(replica);
    }

    public ServiceProcess get(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    public List<ServiceProcess> all() {
        return List.copyOf(services.values());
    }

    /** Stops one service gracefully and starts it again, as a redeploy would. */
    public void restart(String name) throws Exception {
        ServiceProcess service = get(name);
        service.stop();
        service.start();
        service.awaitReady(READY_TIMEOUT);
    }

    /**
     * Kills one service with SIGKILL, as a failing node would, and starts it again, as Kubernetes
     * would; returns once it is ready.
     */
    public void killAndRestart(String name) throws Exception {
        ServiceProcess service = get(name);
        service.kill();
        service.start();
        service.awaitReady(READY_TIMEOUT);
    }

    /** Stops every service, the last started first. */
    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : new ArrayList<>(services.values()).reversed()) {
            service.stop();
        }
    }
}
