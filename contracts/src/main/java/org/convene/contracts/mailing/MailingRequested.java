package org.convene.contracts.mailing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.convene.contracts.Messages;

/**
 * An organiser's message to the registrants of one event, keyed by {@code eventId} on {@code mailings}:
 * either to the registrants, or as a test to one address (the organiser's) before that.
 *
 * @param mailingId the message as the organiser wrote it; one mailing may be tested many times
 * @param sendId    this request to send it: a request read twice sends nothing twice, while a second
 *                  test of the same mailing is a new request
 * @param body      plain text; a blank line separates paragraphs
 * @param testTo    the one address a test goes to; null to send to the registrants
 */
public record MailingRequested(
        UUID mailingId,
        UUID sendId,
        UUID eventId,
        String subject,
        String body,
        MailingAudience audience,
        String testTo,
        Instant occurredAt) implements MailingMessage {

    public static final int MAX_SUBJECT_LENGTH = 200;
    public static final int MAX_BODY_LENGTH = 20_000;

    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

    public MailingRequested {
        Messages.require(mailingId, "mailingId");
        Messages.require(sendId, "sendId");
        Messages.require(eventId, "eventId");
        Messages.require(subject, "subject");
        Messages.require(body, "body");
        Messages.require(audience, "audience");
        Messages.require(occurredAt, "occurredAt");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("subject must have 1 to " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (body.isBlank() || body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("body must have 1 to " + MAX_BODY_LENGTH + " characters");
        }
    }

    public boolean isTest() {
        return testTo != null;
    }

    /**
     * A body as registrants read it: paragraphs split at blank lines (spaces on them too), each
     * trimmed; the one rule for the back office's preview and for the emails.
     */
    public static List<String> paragraphs(String body) {
        return Arrays.stream(BLANK_LINES.split(body.strip())).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
