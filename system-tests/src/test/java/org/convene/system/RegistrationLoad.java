package org.convene.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.convene.localstack.ProofOfWorkSolutions;

/**
 * Registrations for one event at a steady pace from several clients, as a campaign's supporters would
 * send them, while a test breaks things: what was answered, and when. Each goes the public way, as a
 * supporter's browser does: a challenge from {@code GET /api/challenge}, its proof of work solved, and the
 * registration with it, from an address of its own (as an ingress passes it in X-Forwarded-For), so that
 * the proof's spending and the rate limits are under the faults too. A request without an answer (the
 * service killed or restarting) is not sent again with the same address, so that the only registrations
 * that must exist are those answered 201; a registration that was written but whose answer was lost may
 * exist too, and must then be confirmed like any other.
 */
final class RegistrationLoad implements AutoCloseable {

    private static final int CLIENTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(CLIENTS);
    private final URI registrations;
    private final URI challenges;
    private final String run;
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();

    /** Starts at once, {@code perSecond} registrations a second in all. */
    RegistrationLoad(SystemUnderTest system, String eventId, String run, int perSecond) {
        this.registrations = URI.create(system.registration() + "/api/events/" + eventId + "/registrations");
        this.challenges = URI.create(system.registration() + "/api/challenge");
        this.run = run;
        long periodMillis = 1000L * CLIENTS / perSecond;
        for (int client = 0; client < CLIENTS; client++) {
            // A client waits for its answer before it sends the next: a dead service slows it down, as
            // it would slow real people down, instead of piling requests up.
            clients.scheduleWithFixedDelay(this::registerOne, client * periodMillis / CLIENTS, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void registerOne() {
        int n = sent.incrementAndGet();
        String email = "load-" + run + "-" + n + "@example.org";
        try {
            HttpResponse<String> challenge = http.send(HttpRequest.newBuilder(challenges).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (challenge.statusCode() != 200) {
                refusedByStatus.computeIfAbsent(challenge.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(registrations).timeout(Duration.ofSeconds(10))
                    .header("Altcha", ProofOfWorkSolutions.solve(challenge.body()))
                    .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"Load Tester\",\"email\":\"" + email + "\"}"))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 201) {
                accepted.put(email, Instant.now());
            } else {
                refusedByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
        } catch (IOException e) {
            unanswered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The addresses answered 201, so far. */
    List<String> accepted() {
        return List.copyOf(accepted.keySet());
    }

    /** How many were answered 201 between two moments. */
    long acceptedBetween(Instant from, Instant to) {
        return accepted.values().stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
    }

    String summary() {
        return "%d sent, %d answered 201, %d answered otherwise %s, %d unanswered".formatted(sent.get(),
                accepted.size(), refusedByStatus.values().stream().mapToInt(AtomicInteger::get).sum(),
                refusedByStatus, unanswered.get());
    }

    /** Stops sending and waits for the answers under way. */
    @Override
    public void close() throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }
}
