package org.convene.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.Topics;
import org.convene.localstack.TopicProbe;
import org.convene.registration.registration.Registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the service wrote about registrations: its rows and its messages on {@code registrations}. */
public final class RegistrationsTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistrationsTopic() {
    }

    public static List<ConsumerRecord<String, String>> messagesFor(String kafka, UUID eventId) {
        return TopicProbe.readAll(kafka, Topics.REGISTRATIONS).stream()
                .filter(r -> eventId.toString().equals(json(r.value()).path("eventId").asText()))
                .toList();
    }

    public static long rowsFor(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.count("eventId", eventId));
    }

    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
