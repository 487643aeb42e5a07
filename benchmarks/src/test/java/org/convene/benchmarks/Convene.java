package org.convene.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The running system as the benchmark's setup sees it: the organiser API of events-service, to create,
 * publish and change events and read their counts, and registration-service, to wait until it has them.
 * Everything comes from system properties that benchmarks/bench sets.
 */
final class Convene {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOST = "Friends of the Bench";
    static final String SUPPORTER = "Load Testers United";

    private static final Duration CATALOGUE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String eventsUrl = required("convene.events-url");
    private final String registrationUrl = required("convene.registration-url");
    private String token;
    private Instant tokenExpiresAt;

    String registrationUrl() {
        return registrationUrl;
    }

    /**
     * Publishes {@code count} events (no capacity when {@code capacity} is null), each with a host and a
     * supporter (so that every registration stores its consent answers, as a real one does), starting in
     * 30 days; returns their ids once registration-service has all of them in its catalogue.
     */
    List<String> publishEvents(int count, Integer capacity, boolean waitlist) {
        try {
            return published(count, capacity, waitlist);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the benchmark's events", e);
        }
    }

    private List<String> published(int count, Integer capacity, boolean waitlist) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> event = event("Benchmark event " + i,
                    LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.HOURS), "Europe/London");
            if (capacity != null) {
                event.put("capacity", capacity);
            }
            event.put("waitlist", waitlist);
            ids.add(publish(event));
        }
        for (String id : ids) {
            awaitInCatalogue(id);
        }
        return ids;
    }

    /** What the organiser writes about a benchmark event, as {@code POST} and {@code PUT /api/events} take it. */
    static Map<String, Object> event(String title, LocalDateTime startsAt, String timeZone) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("title", title);
        event.put("startsAt", startsAt.toString());
        event.put("timeZone", timeZone);
        event.put("durationMinutes", 90);
        event.put("joinUrl", "https://meet.example.org/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        event.put("host", HOST);
        event.put("supporters", List.of(SUPPORTER));
        return event;
    }

    /** Creates and publishes an event; returns its id. */
    String publish(Map<String, Object> event) throws Exception {
        String id = asOrganiser("/api/events", event, 201).get("id").asText();
        asOrganiser("/api/events/" + id + "/publish", Map.of(), 200);
        return id;
    }

    /** Replaces what was written about an event (a public one keeps its time). */
    void update(String id, Map<String, Object> event) throws Exception {
        send(HttpRequest.newBuilder(URI.create(eventsUrl + "/api/events/" + id)).header("Authorization", bearer())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event))), 200);
    }

    /** The event as the organiser API shows it, with its registrations and emails counted. */
    JsonNode read(String id) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(eventsUrl + "/api/events/" + id))
                .header("Authorization", bearer()).GET(), 200);
    }

    /** How many of the event's registrants are in each state, from the organisers' CSV export. */
    Map<String, Integer> statesOf(String eventId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(registrationUrl + "/api/registrants/" + eventId)).header("Authorization", bearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + response.statusCode() + ": " + response.body());
        }
        // Names, emails and states hold no commas or quotes here: splitting the lines is enough.
        List<String> lines = response.body().replace("\uFEFF", "").lines().toList();
        int state = List.of(lines.get(0).split(",")).indexOf("State");
        Map<String, Integer> counts = new TreeMap<>();
        lines.stream().skip(1).forEach(line -> counts.merge(line.split(",")[state], 1, Integer::sum));
        return counts;
    }

    private JsonNode asOrganiser(String path, Object body, int expected) throws Exception {
        return post(HttpRequest.newBuilder(URI.create(eventsUrl + path)).header("Authorization", bearer()), body,
                expected);
    }

    /** Signed in again when the token has less than five minutes left: a run outlasts a token. */
    private String bearer() throws Exception {
        if (token == null || Instant.now().plus(Duration.ofMinutes(5)).isAfter(tokenExpiresAt)) {
            String password = Files.readString(Path.of(required("convene.organiser-password-file"))).strip();
            JsonNode session = post(HttpRequest.newBuilder(URI.create(eventsUrl + "/api/session")),
                    Map.of("email", required("convene.organiser-email"), "password", password), 200);
            token = session.get("token").asText();
            tokenExpiresAt = Instant.parse(session.get("expiresAt").asText());
        }
        return "Bearer " + token;
    }

    private JsonNode post(HttpRequest.Builder request, Object body, int expected) throws Exception {
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expected);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(built.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The event reaches registration-service through the events topic: its public page shows when it has. */
    private void awaitInCatalogue(String id) throws IOException, InterruptedException {
        HttpRequest page = HttpRequest.newBuilder(URI.create(registrationUrl + "/events/" + id)).build();
        long deadline = System.nanoTime() + CATALOGUE_TIMEOUT.toNanos();
        while (http.send(page, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("registration-service did not have event " + id + " within "
                        + CATALOGUE_TIMEOUT);
            }
            // Polling: the catalogue gives no signal when a snapshot has been applied.
            Thread.sleep(100);
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (benchmarks/bench sets it)");
        }
        return value;
    }

    static int requiredInt(String property) {
        return Integer.parseInt(required(property));
    }
}
