package org.convene.platform.consumer;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MalformedMessageException;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.platform.worker.RetryPause;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How consumers read what they consume: the message, or nothing for a tombstone or a message that
 * cannot be read. The latter is dead-lettered (put on the dead-letter topic) with the reason: one bad message
 * must neither stop a consumer nor be lost without a trace. It also applies what was read, in
 * transactions of its own that outlast an outage.
 */
@ApplicationScoped
public class ConsumedMessages {

    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 2;
    /**
     * For a failure no one foresaw: enough to outlast a race (four pauses, 15 s in all), few enough that a
     * bug holds up its partition for seconds, not for good.
     */
    static final int ATTEMPTS_BEFORE_DEAD_LETTER_UNFORESEEN = 5;
    private static final Logger LOG = Logger.getLogger(ConsumedMessages.class);

    private final MessageCodec codec;
    private final DeadLetters deadLetters;
    private final Consumer<Runnable> transactions;
    private final Runnable release;
    private final Consumer<ConsumerRecord<String, String>> done;
    private final IntToLongFunction pauses;
    private final MeterRegistry metrics;
    private final Clock clock;
    /** By topic, the time of the message being applied, while one is: the oldest not yet applied. */
    private final Map<String, Long> applying = new ConcurrentHashMap<>();
    /** The topics whose gauge is registered: once each, not on every poll. */
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    @Inject
    public ConsumedMessages(MessageCodec codec, DeadLetters deadLetters, EntityManager entityManager,
            CommitRepair commits, MeterRegistry metrics, Clock clock) {
        this(codec, deadLetters, work -> QuarkusTransaction.requiringNew().run(work), () -> {
            entityManager.flush();
            entityManager.clear();
        }, RetryPause::before, commits::applied, metrics, clock);
    }

    /**
     * With the transactions, the release of a record's entities, the pauses and what is told of each
     * record done that a unit test chooses.
     */
    ConsumedMessages(MessageCodec codec, DeadLetters deadLetters, Consumer<Runnable> transactions, Runnable release,
            IntToLongFunction pauses, Consumer<ConsumerRecord<String, String>> done, MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
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
     * that only that message is dead-lettered (see {@link #applyOne}). A failure that may pass is retried.
     */
    public void applyAll(ConsumerRecords<String, String> records, Consumer<ConsumerRecord<String, String>> apply) {
        if (records.isEmpty()) {
            return;
        }
        ConsumerRecord<String, String> first = records.iterator().next();
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, String> record : records) {
            oldest = Math.min(oldest, record.timestamp());
        }
        applying(first.topic(), oldest);
        try {
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
                    if (ApplyFailure.of(e) != ApplyFailure.MAY_PASS) {
                        for (ConsumerRecord<String, String> record : records) {
                            apply(record, apply);
                        }
                        return;
                    }
                    waitToRetry("Applying " + records.count() + " records", first.topic(), attempt, e);
                }
            }
        } finally {
            applying.remove(first.topic());
        }
    }

    /**
     * Applies one record in a transaction of its own. A record whose values the database or a check
     * refuses is dead-lettered (put on the dead-letter topic) after {@link #ATTEMPTS_BEFORE_DEAD_LETTER} tries
     * (a second try spares a record that only met a concurrent writer's row); any other failure is
     * retried, with a growing pause, until it passes: the consumer waits out an outage and goes on by
     * itself, in order, losing nothing.
     */
    public void applyOne(ConsumerRecord<String, String> record, Consumer<ConsumerRecord<String, String>> apply) {
        try {
            apply(record, apply);
        } finally {
            applying.remove(record.topic());
        }
    }

    private void apply(ConsumerRecord<String, String> record, Consumer<ConsumerRecord<String, String>> apply) {
        // Records are applied in order: the one under way is the oldest of its partition not yet applied.
        applying(record.topic(), record.timestamp());
        for (int attempt = 1;; attempt++) {
            try {
                transactions.accept(() -> apply.accept(record));
                done.accept(record);
                return;
            } catch (RuntimeException e) {
                ApplyFailure failure = ApplyFailure.of(e);
                if (failure == ApplyFailure.THE_MESSAGES && attempt >= ATTEMPTS_BEFORE_DEAD_LETTER
                        || failure == ApplyFailure.UNFORESEEN && attempt >= ATTEMPTS_BEFORE_DEAD_LETTER_UNFORESEEN) {
                    deadLetter(record, ApplyFailure.reason(e));
                    done.accept(record);
                    return;
                }
                waitToRetry("Applying the record at " + where(record), record.topic(), attempt, e);
            }
        }
    }

    /**
     * Counts the age of the oldest message not yet applied, by topic, in the gauge
     * {@code convene.consumer.oldest.unapplied} (seconds; 0 when nothing is under way): it grows while a
     * consumer waits out an outage or retries a message, which the consumer group's lag alone does not
     * show for a partition that gets few messages.
     */
    private void applying(String topic, long timestamp) {
        applying.put(topic, timestamp);
        if (gauged.add(topic)) {
            Gauge.builder("convene.consumer.oldest.unapplied", applying, under -> ageSeconds(under.get(topic)))
                    .tag("topic", topic).baseUnit("seconds").register(metrics);
        }
    }

    private double ageSeconds(Long timestamp) {
        return timestamp == null || timestamp < 0 ? 0 : Math.max(0, clock.millis() - timestamp) / 1000.0;
    }

    /** Sets a record aside, waiting out a broker that is away: the offset must not pass it unrecorded. */
    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        for (int attempt = 1;; attempt++) {
            try {
                deadLetters.deadLetter(record, reason);
                return;
            } catch (RuntimeException e) {
                waitToRetry("Dead-lettering the record at " + where(record), record.topic(), attempt, e);
            }
        }
    }

    /**
     * Pauses before the next try ({@link RetryPause}). Only the failure's kind is logged: a database's
     * message quotes the values, personal data among them.
     */
    private void waitToRetry(String what, String topic, int attempt, RuntimeException failure) {
        long pause = pauses.applyAsLong(attempt);
        metrics.counter("convene.consumer.retries", "topic", topic,
                "failure", ApplyFailure.of(failure).name().toLowerCase(Locale.ROOT)).increment();
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

    /** The message as {@code type}; empty for a tombstone or a message dead-lettered. */
    public <T> Optional<MessageCodec.Received<T>> read(MessageType<T> type, ConsumerRecord<String, String> record) {
        return deadLetterUnreadable(record, () -> codec.read(type, record));
    }

    /**
     * For a topic that carries several types: the message as whichever of {@code types} its
     * {@code ce_type} names; empty for a tombstone, and a message of another type is dead-lettered.
     */
    public <T> Optional<MessageCodec.Received<? extends T>> readAny(List<MessageType<? extends T>> types,
            ConsumerRecord<String, String> record) {
        return deadLetterUnreadable(record, () -> {
            String ceType = CloudEventAttributes.from(record.headers()).type();
            MessageType<? extends T> type = types.stream().filter(t -> t.ceType().equals(ceType)).findFirst()
                    .orElseThrow(() -> new MalformedMessageException("unexpected type " + ceType));
            return codec.read(type, record);
        });
    }

    private <R> Optional<R> deadLetterUnreadable(ConsumerRecord<String, String> record, Supplier<R> reader) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.get());
        } catch (MalformedMessageException e) {
            deadLetters.deadLetter(record, e.getMessage());
            return Optional.empty();
        }
    }
}
