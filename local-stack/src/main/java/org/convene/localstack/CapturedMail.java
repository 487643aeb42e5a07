package org.convene.localstack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An email as the local SMTP server received it, with its text and HTML parts.
 *
 * @param headers every header by lower-case name, in the order received
 */
public record CapturedMail(int index, String from, List<String> to, String subject, Instant sentAt,
        Map<String, List<String>> headers, String text, String html) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
