package org.convene.contracts.cloudevents;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns records into message values and back, with the application's one ObjectMapper. */
@ApplicationScoped
public class MessageCodec {

    private static final Logger LOG = Logger.getLogger(MessageCodec.class);

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

    /**
     * For consumers: the message, or empty for a tombstone or a message that cannot be read. The
     * latter is logged with where it is, and skipped: one bad message must not stop a consumer.
     */
    public <T> Optional<Received<T>> readOrSkip(MessageType<T> type, ConsumerRecord<String, String> record) {
        return skipUnreadable(record, () -> read(type, record));
    }

    /**
     * For consumers of a topic that carries several types: the message as whichever of {@code types}
     * its {@code ce_type} names, or empty for a tombstone, another type or an unreadable message (logged
     * and skipped, as {@link #readOrSkip(MessageType, ConsumerRecord)} does).
     */
    public <T> Optional<Received<? extends T>> readAnyOrSkip(List<MessageType<? extends T>> types,
            ConsumerRecord<String, String> record) {
        return skipUnreadable(record, () -> {
            String ceType = CloudEventAttributes.from(record.headers()).type();
            MessageType<? extends T> type = types.stream().filter(t -> t.ceType().equals(ceType)).findFirst()
                    .orElseThrow(() -> new MalformedMessageException("unexpected type " + ceType));
            return read(type, record);
        });
    }

    private static <R> Optional<R> skipUnreadable(ConsumerRecord<String, String> record, Supplier<R> reader) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.get());
        } catch (MalformedMessageException e) {
            LOG.warnf("Skipping an unreadable message on %s-%d at offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    public record Received<T>(CloudEventAttributes attributes, T payload) {
    }
}
