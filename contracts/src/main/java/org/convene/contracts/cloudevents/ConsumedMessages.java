package org.convene.contracts.cloudevents;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;
import org.convene.contracts.worker.RetryPause;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How consumers read what they consume: the message, or nothing for a tombstone or a message that
 * cannot be read. The latter is set aside on the dead-letter topic with the reason: one bad message
 * must neither stop a consumer nor be lost without a trace. It also applies what was read, in
 * transactions of its own that outlast an outage.
 */
@ApplicationScoped
public class ConsumedMessages {

    static final int ATTEMPTS_BEFORE_SETTING_ASIDE = 2;
    private static final Logger LOG = Logger.getLogger(ConsumedMessages.class);

    private final MessageCodec codec;
    private final DeadLetters deadLetters;
    private final Consumer<Runnable> transactions;
    private final Runnable release;
    private final Consumer<ConsumerRecord<String, String>> done;
    private final IntToLongFunction pauses;

    @Inject
    public ConsumedMessages(MessageCodec codec, DeadLetters deadLetters, EntityManager entityManager,
            CommitRepair commits) {
        this(codec, deadLetters, work -> QuarkusTransaction.requiringNew().run(work), () -> {
            entityManager.flush();
            entityManager.clear();
        }, RetryPause::before, commits::applied);
    }

    /**
     * With the transactions, the release of a record's entities, the pauses and what is told of each
     * record done that a unit test chooses.
     */
    ConsumedMessages(MessageCodec codec, DeadLetters deadLetters, Consumer<Runnable> transactions, Runnable release,
            IntToLongFunction pauses, Consumer<ConsumerRecord<String, String>> done) {
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.release = release;
        this.pauses = pauses;
        this.done = done;
    }

    /**
     * Applies a poll's records in one transaction, one after the other, each written out and let go
     * before the next: otherwise every native query's automatic flush walks all the entities of the
     * poll so far, which made a poll of 500 cost quadratic time (JFR, benchmarks' scenario 4). One
     * transaction per poll, not per record: a transaction per record cost more than the record's own
     * work there. Offsets are committed after it returns, so a crash in between brings the whole poll
     * again, which each consumer's own checks make harmless.
     * <p>
     * If the poll fails because of one of its messages, the records are applied again one by one, so
     * that only that message is set aside (see {@link #applyOne}). A failure that may pass is retried.
     */
    public void applyAll(ConsumerRecords<String, String> records, Consumer<ConsumerRecord<String, String>> apply) {
        for (int attempt = 1;; attempt++) {
            try {
                transactions.accept(() -> {
                    for (ConsumerRecord<String, String> record : records) {
                        apply.accept(record);
                        release.run();
                    }
                });
                records.forEach(done);
                return;
            } catch (RuntimeException e) {
                if (ApplyFailure.of(e) == ApplyFailure.THE_MESSAGES) {
                    for (ConsumerRecord<String, String> record : records) {
                        applyOne(record, apply);
                    }
                    return;
                }
                waitToRetry("Applying " + records.count() + " records", attempt, e);
            }
        }
    }

    /**
     * Applies one record in a transaction of its own. A record whose values the database or a check
     * refuses is set aside on the dead-letter topic after {@link #ATTEMPTS_BEFORE_SETTING_ASIDE} tries
     * (a second try spares a record that only met a concurrent writer's row); any other failure is
     * retried, with a growing pause, until it passes: the consumer waits out an outage and goes on by
     * itself, in order, losing nothing.
     */
    public void applyOne(ConsumerRecord<String, String> record, Consumer<ConsumerRecord<String, String>> apply) {
        for (int attempt = 1;; attempt++) {
            try {
                transactions.accept(() -> apply.accept(record));
                done.accept(record);
                return;
            } catch (RuntimeException e) {
                if (ApplyFailure.of(e) == ApplyFailure.THE_MESSAGES && attempt >= ATTEMPTS_BEFORE_SETTING_ASIDE) {
                    setAside(record, ApplyFailure.reason(e));
                    done.accept(record);
                    return;
                }
                waitToRetry("Applying the record at " + where(record), attempt, e);
            }
        }
    }

    /** Sets a record aside, waiting out a broker that is away: the offset must not pass it unrecorded. */
    private void setAside(ConsumerRecord<String, String> record, String reason) {
        for (int attempt = 1;; attempt++) {
            try {
                deadLetters.setAside(record, reason);
                return;
            } catch (RuntimeException e) {
                waitToRetry("Setting aside the record at " + where(record), attempt, e);
            }
        }
    }

    /**
     * Pauses before the next try ({@link RetryPause}). Only the failure's kind is logged: a database's
     * message quotes the values, personal data among them.
     */
    private void waitToRetry(String what, int attempt, RuntimeException failure) {
        long pause = pauses.applyAsLong(attempt);
        LOG.warnf("%s failed (%s, try %d); trying again in %d ms", what, ApplyFailure.reason(failure), attempt, pause);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again: " + what, failure);
        }
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
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
