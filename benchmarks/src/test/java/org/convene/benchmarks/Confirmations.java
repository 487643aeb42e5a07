package org.convene.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each timed registration's confirmation, as the local stack's SMTP server accepted it. The time from the
 * registration's answer (this machine's clock, as the answer arrived at the load generator) to the
 * acceptance (the SMTP server's clock, as it took the email's end, before its 250) is a difference of two
 * readings of one clock: the load generator and the server run on the same machine.
 */
final class Confirmations {

    /** One registration: when it was answered and when its confirmation was accepted (null if not within the wait). */
    record Confirmation(String email, long answeredAtMillis, Long acceptedAtMillis) {

        /** Milliseconds from the answer to the acceptance; {@link Long#MAX_VALUE} for a confirmation never seen. */
        long latencyMillis() {
            return acceptedAtMillis == null ? Long.MAX_VALUE : acceptedAtMillis - answeredAtMillis;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI mailPage;
    private final Map<String, Long> answered = new ConcurrentHashMap<>();

    /** @param mailPageUrl the local stack's captured-email page */
    Confirmations(String mailPageUrl) {
        this.mailPage = URI.create(mailPageUrl);
    }

    void answered(String email, long answeredAtMillis) {
        answered.put(email.toLowerCase(Locale.ROOT), answeredAtMillis);
    }

    /** Waits up to {@code wait} for every registration's confirmation; returns them all, oldest answer first. */
    List<Confirmation> await(Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Long> accepted = acceptedByRecipient();
        while (!accepted.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) {
            // Polling: the SMTP server gives no signal. Once a second, headers only, so as not to load it.
            Thread.sleep(1000);
            accepted = acceptedByRecipient();
        }
        List<Confirmation> confirmations = new ArrayList<>();
        for (Map.Entry<String, Long> registration : answered.entrySet()) {
            confirmations.add(new Confirmation(registration.getKey(), registration.getValue(),
                    accepted.get(registration.getKey())));
        }
        confirmations.sort((a, b) -> Long.compare(a.answeredAtMillis(), b.answeredAtMillis()));
        return confirmations;
    }

    /** The size of the parts of one confirmation (its text, HTML and calendar file, without MIME framing). */
    int partsBytes(String email) throws IOException, InterruptedException {
        JsonNode mail = read("to=" + email).get(0);
        int bytes = mail.path("text").asText().getBytes(StandardCharsets.UTF_8).length
                + mail.path("html").asText().getBytes(StandardCharsets.UTF_8).length;
        for (JsonNode attachment : mail.path("attachments")) {
            bytes += attachment.path("content").asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /** When the first email to each address was accepted (epoch milliseconds). */
    private Map<String, Long> acceptedByRecipient() throws IOException, InterruptedException {
        Map<String, Long> accepted = new HashMap<>();
        for (JsonNode mail : read("parts=none")) {
            long at = Instant.parse(mail.get("acceptedAt").asText()).toEpochMilli();
            for (JsonNode to : mail.path("to")) {
                accepted.merge(to.asText().toLowerCase(Locale.ROOT), at, Math::min);
            }
        }
        return accepted;
    }

    private JsonNode read(String query) throws IOException, InterruptedException {
        URI uri = mailPage.resolve("/api/messages?" + query);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return Convene.JSON.readTree(response.body());
    }
}
