package org.convene.localstack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An email as the local SMTP server received it, with its text and HTML parts.
 *
 * @param acceptedAt  when the SMTP server accepted it, by the server's clock: as it took the end of the
 *                    message, right before it answered 250 (for benchmarks that time delivery)
 * @param headers     every header by lower-case name, in the order received
 * @param attachments every part besides the first text and the first HTML part, such as a calendar file
 */
public record CapturedMail(int index, String from, List<String> to, String subject, Instant sentAt,
        Instant acceptedAt, Map<String, List<String>> headers, String text, String html, List<Attachment> attachments) {

    /** A part of the email as text: its file name (null if it has none), its content type and content. */
    public record Attachment(String name, String contentType, String content) {
    }

    /** The first part whose content type starts with {@code type}, e.g. {@code text/calendar}. */
    public Attachment attachment(String type) {
        return attachments.stream().filter(a -> a.contentType().toLowerCase(java.util.Locale.ROOT).startsWith(type))
                .findFirst().orElse(null);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
