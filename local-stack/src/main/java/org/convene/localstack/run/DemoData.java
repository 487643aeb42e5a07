package org.convene.localstack.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.convene.localstack.OrganiserSecrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo events (the Friends of Bolivia events of the seed articles) through the organiser
 * API, as an organiser would: sign in, create, then publish. Each is moved into the future so that people
 * can register, keeping its weekday and time of day. Events already there (same title) are kept.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param slug the event's address on the public pages, as the events API answered it */
    public record DemoEvent(UUID id, String slug, String title) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;
    private final OrganiserSecrets organiser;
    private String token;

    public DemoData(String eventsServiceUrl, OrganiserSecrets organiser) {
        this.api = URI.create(eventsServiceUrl + "/api/events");
        this.organiser = organiser;
    }

    public List<DemoEvent> load(LocalDate today) throws IOException, InterruptedException {
        token = signIn();
        JsonNode existing = JSON.readTree(call(HttpRequest.newBuilder(api).GET(), 200));
        List<DemoEvent> loaded = new ArrayList<>();
        int index = 0;
        for (JsonNode demo : demoEvents()) {
            String title = demo.get("title").asText();
            JsonNode event = find(existing, title);
            if (event == null) {
                ObjectNode body = JSON.createObjectNode()
                        .put("title", title)
                        .put("startsAt", moveIntoFuture(LocalDateTime.parse(demo.get("startsAt").asText()), today, index)
                                .toString())
                        .put("timeZone", demo.get("timeZone").asText())
                        .put("durationMinutes", demo.get("durationMinutes").asInt())
                        .put("joinUrl", "https://meet.example.org/convene-demo-" + (index + 1))
                        .put("summary", demo.get("summary").asText())
                        .put("host", demo.get("host").asText());
                body.set("supporters", demo.get("supporters"));
                body.set("chair", demo.get("chair"));
                body.set("speakers", demo.get("speakers"));
                body.set("languages", JSON.createArrayNode().add("en").add("es"));
                event = JSON.readTree(call(HttpRequest.newBuilder(api)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 201));
            }
            UUID id = UUID.fromString(event.get("id").asText());
            if ("DRAFT".equals(event.get("status").asText())) {
                call(HttpRequest.newBuilder(api.resolve("/api/events/" + id + "/publish"))
                        .POST(HttpRequest.BodyPublishers.noBody()), 200);
            }
            loaded.add(new DemoEvent(id, event.path("details").path("slug").asText(id.toString()), title));
            index++;
        }
        return loaded;
    }

    /** Two weeks ahead and a week apart, on the original weekday at the original time. */
    static LocalDateTime moveIntoFuture(LocalDateTime original, LocalDate today, int index) {
        LocalDate date = today.plusWeeks(2L + index).with(TemporalAdjusters.nextOrSame(original.getDayOfWeek()));
        return date.atTime(original.toLocalTime());
    }

    static JsonNode demoEvents() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/events.json")) {
            return JSON.readTree(in).get("events");
        }
    }

    private static JsonNode find(JsonNode events, String title) {
        for (JsonNode event : events) {
            if (title.equals(event.get("title").asText())) {
                return event;
            }
        }
        return null;
    }

    private String signIn() throws IOException, InterruptedException {
        ObjectNode credentials = JSON.createObjectNode().put("email", organiser.email()).put("password",
                organiser.password());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The organiser could not sign in: " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("token").asText();
    }

    private String call(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
