package org.convene.contracts.cloudevents;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;

/**
 * How consumers read what they consume: the message, or nothing for a tombstone or a message that
 * cannot be read. The latter is set aside on the dead-letter topic with the reason: one bad message
 * must neither stop a consumer nor be lost without a trace.
 */
@ApplicationScoped
public class ConsumedMessages {

    private final MessageCodec codec;
    private final DeadLetters deadLetters;
    private final EntityManager entityManager;

    public ConsumedMessages(MessageCodec codec, DeadLetters deadLetters, EntityManager entityManager) {
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.entityManager = entityManager;
    }

    /**
     * Applies a poll's records one after the other in the caller's transaction, written out and let go
     * after each: otherwise every native query's automatic flush walks all the entities of the poll so
     * far, which made a poll of 500 cost quadratic time (JFR, benchmarks' scenario 4).
     */
    @Transactional(TxType.MANDATORY)
    public void applyEach(ConsumerRecords<String, String> records, Consumer<ConsumerRecord<String, String>> apply) {
        for (ConsumerRecord<String, String> record : records) {
            apply.accept(record);
            entityManager.flush();
            entityManager.clear();
        }
    }

    /** The message as {@code type}; empty for a tombstone or a message set aside. */
    public <T> Optional<MessageCodec.Received<T>> read(MessageType<T> type, ConsumerRecord<String, String> record) {
        return setAsideUnreadable(record, () -> codec.read(type, record));
    }

    /**
     * For a topic that carries several types: the message as whichever of {@code types} its
     * {@code ce_type} names; empty for a tombstone, and a message of another type is set aside.
     */
    public <T> Optional<MessageCodec.Received<? extends T>> readAny(List<MessageType<? extends T>> types,
            ConsumerRecord<String, String> record) {
        return setAsideUnreadable(record, () -> {
            String ceType = CloudEventAttributes.from(record.headers()).type();
            MessageType<? extends T> type = types.stream().filter(t -> t.ceType().equals(ceType)).findFirst()
                    .orElseThrow(() -> new MalformedMessageException("unexpected type " + ceType));
            return codec.read(type, record);
        });
    }

    private <R> Optional<R> setAsideUnreadable(ConsumerRecord<String, String> record, Supplier<R> reader) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.get());
        } catch (MalformedMessageException e) {
            deadLetters.setAside(record, e.getMessage());
            return Optional.empty();
        }
    }
}
