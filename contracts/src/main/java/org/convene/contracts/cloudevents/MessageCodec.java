package org.convene.contracts.cloudevents;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns records into message values and back, with the application's one ObjectMapper. */
@ApplicationScoped
public class MessageCodec {

    private final ObjectMapper mapper;

    public MessageCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + payload.getClass().getSimpleName(), e);
        }
    }

    /** Reads a consumed record as {@code type}, refusing one whose {@code ce_type} says otherwise. */
    public <T> Received<T> read(MessageType<T> type, ConsumerRecord<String, String> record) {
        CloudEventAttributes attributes = CloudEventAttributes.from(record.headers());
        if (!type.ceType().equals(attributes.type())) {
            throw new MalformedMessageException("expected " + type.ceType() + " but got " + attributes.type());
        }
        if (record.value() == null) {
            throw new MalformedMessageException("message " + attributes.id() + " has no value");
        }
        try {
            return new Received<>(attributes, mapper.readValue(record.value(), type.payload()));
        } catch (IOException e) {
            // Jackson reports a record constructor's refusal (a missing field) as an IOException too.
            throw new MalformedMessageException("message " + attributes.id() + " is not a valid " + type.ceType()
                    + ": " + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
        }
    }

    public record Received<T>(CloudEventAttributes attributes, T payload) {
    }
}
