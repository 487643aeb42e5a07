package org.convene.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Reads the captured emails of a running stack over its page's JSON API, so that a test sees the
 * emails the way a person would, whichever process or class loader started the stack.
 */
public final class CapturedMailbox {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;

    /** @param mailPageUrl the stack's captured-email page, e.g. {@code http://localhost:8025/} */
    public CapturedMailbox(String mailPageUrl) {
        this.api = URI.create(mailPageUrl).resolve("/api/messages");
    }

    public List<CapturedMail> all() {
        return read(api);
    }

    /** Every email with its headers, without its parts (null text and HTML): for counting thousands. */
    public List<CapturedMail> headers() {
        return read(URI.create(api + "?parts=none"));
    }

    private List<CapturedMail> read(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return MailCatcher.JSON.readValue(response.body(), new TypeReference<List<CapturedMail>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read captured emails from " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Emails addressed to {@code email}, compared without regard to case. */
    public List<CapturedMail> to(String email) {
        return read(URI.create(api + "?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)));
    }
}
