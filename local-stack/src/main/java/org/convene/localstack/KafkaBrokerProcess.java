package org.convene.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The same broker as {@link KafkaBroker}, run by {@link KafkaBroker#main} in a JVM of its own, so that it
 * can be killed with SIGKILL as a failing node would be: no clean shutdown, its log recovered on the next
 * start. Its output goes to a log file.
 */
final class KafkaBrokerProcess implements LocalKafka {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    KafkaBrokerProcess(Path logDir, int port, int controllerPort, Path logFile) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
    }

    @Override
    public void start() throws Exception {
        // Checked here too, so that a taken port is named by the same exception as for a broker in this JVM.
        Ports.requireFree("Kafka", port);
        Ports.requireFree("Kafka controller", controllerPort);
        Files.createDirectories(logFile.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        // The parent's class path, whatever else it holds (a test's may hold JBoss logging, which would swallow the
        // broker's log): the broker logs through slf4j-simple to its standard error, the log file.
        process = new ProcessBuilder(java, "-Xmx512m", "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-cp", System.getProperty("java.class.path"),
                KafkaBroker.class.getName(), logDir.toString(), String.valueOf(port), String.valueOf(controllerPort))
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(this::readUntilReadyThenDrain);
        boolean started;
        try {
            started = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("Kafka was not ready within " + START_TIMEOUT + "; its log " + logFile
                    + " ends with:\n" + LogTail.of(logFile));
        }
        if (!started) {
            throw new IllegalStateException("Kafka exited with " + process.waitFor() + "; its log " + logFile
                    + " ends with:\n" + LogTail.of(logFile));
        }
    }

    /**
     * True once the broker says it is ready, false if its output ends first (it exited). Afterwards the
     * rest of its standard output goes on being read into the log, so that it can never block on a full pipe.
     */
    private boolean readUntilReadyThenDrain() {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(KafkaBroker.READY)) {
                    Thread.ofVirtual().name("kafka-broker-output").start(() -> drain(out));
                    return true;
                }
                appendToLog(line);
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain(BufferedReader out) {
        try (out) {
            String line;
            while ((line = out.readLine()) != null) {
                appendToLog(line);
            }
        } catch (IOException e) {
            // the process is gone: nothing more to read
        }
    }

    private void appendToLog(String line) throws IOException {
        Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * SIGKILL, as a failing node or the kernel's OOM killer would end it: nothing is flushed and nothing in
     * flight is answered. What the broker acknowledged is in the operating system's page cache, as after a
     * real crash of the process (not of the machine). Returns once the process is gone.
     */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM: the broker shuts down cleanly; killed only if it does not within the grace time. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
