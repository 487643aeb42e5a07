package org.convene.contracts.cloudevents;

import java.io.IOException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.json.FieldPath;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns records into message values and back, with the application's one ObjectMapper. */
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
            throw new MalformedMessageException("message " + attributes.id() + " is not a valid " + type.ceType()
                    + ": " + whatIsWrong(e), e);
        }
    }

    /**
     * Where the value goes wrong, without Jackson's own message: that quotes the value it could not read
     * (an address, a name), and the reason goes into a log and a dead-letter header.
     */
    static String whatIsWrong(IOException e) {
        // Jackson reports a record constructor's refusal (a missing field) as an IOException too; the
        // refusal's message names the field only.
        if (e.getCause() instanceof IllegalArgumentException refused) {
            return refused.getMessage();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = FieldPath.of(mapping);
            return mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? field + " is not a " + mismatch.getTargetType().getSimpleName()
                    : field + " cannot be read";
        }
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            return "not JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        return e instanceof JsonProcessingException ? "not readable JSON" : e.getClass().getSimpleName();
    }

    public record Received<T>(CloudEventAttributes attributes, T payload) {
    }
}
