package org.convene.contracts.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of a message, carried in Kafka headers (binary content mode) so
 * that the value stays the plain JSON of the record.
 */
public record CloudEventAttributes(String id, String type, String source, Instant time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    static final String H_SPEC_VERSION = "ce_specversion";
    static final String H_ID = "ce_id";
    static final String H_TYPE = "ce_type";
    static final String H_SOURCE = "ce_source";
    static final String H_TIME = "ce_time";
    static final String H_CONTENT_TYPE = "content-type";

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, H_SPEC_VERSION, SPEC_VERSION);
        add(headers, H_ID, id);
        add(headers, H_TYPE, type);
        add(headers, H_SOURCE, source);
        add(headers, H_TIME, time.toString());
        add(headers, H_CONTENT_TYPE, CONTENT_TYPE);
        return headers;
    }

    /** Reads the attributes back; a message without them is not one of ours. */
    public static CloudEventAttributes from(Headers headers) {
        String specVersion = required(headers, H_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedMessageException("unsupported CloudEvents spec version " + specVersion);
        }
        try {
            return new CloudEventAttributes(required(headers, H_ID), required(headers, H_TYPE),
                    required(headers, H_SOURCE), Instant.parse(required(headers, H_TIME)));
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("header " + H_TIME + " is not an RFC 3339 time");
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new MalformedMessageException("header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
