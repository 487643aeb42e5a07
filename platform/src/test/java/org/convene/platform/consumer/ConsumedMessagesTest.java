package org.convene.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.contracts.cloudevents.TestRecords.headers;
import static org.convene.contracts.cloudevents.TestRecords.record;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Which messages a consumer gets, which it dead-letters and which it waits to apply (the dead-letter topic
 * itself is tested in the services).
 */
@Tag("unit")
class ConsumedMessagesTest {

    /** Remembers what was dead-lettered instead of sending it to a broker. */
    static final class RecordingDeadLetters extends DeadLetters {
        final List<String> reasons = new ArrayList<>();

        RecordingDeadLetters() {
            super(null, "test", new SimpleMeterRegistry());
        }

        @Override
        public void deadLetter(ConsumerRecord<String, String> record, String reason) {
            reasons.add(reason);
        }
    }

    private final MessageCodec codec = new MessageCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final List<ConsumerRecord<String, String>> done = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2027-04-19T10:00:30Z"), ZoneOffset.UTC);
    private final ConsumedMessages consumed = new ConsumedMessages(codec, deadLetters, Runnable::run, () -> {
    }, attempt -> 0, done::add, metrics, clock);

    private final EventSnapshot snapshot = new EventSnapshot(UUID.randomUUID(), 2, EventStatus.PUBLISHED,
            "Bolivia – People Power, Hope & Solidarity", OffsetDateTime.parse("2027-04-19T18:30:00+01:00"),
            "Europe/London", 90, "https://meet.example.org/bolivia");

    @Test
    void aTombstoneIsNothingAndAnUnreadableMessageIsDeadLetteredWithItsReason() {
        assertThat(consumed.read(MessageType.EVENT_SNAPSHOT, record(headers(MessageType.EVENT_SNAPSHOT), null)))
                .isEmpty();
        assertThat(deadLetters.reasons).isEmpty();

        assertThat(consumed.read(MessageType.EVENT_SNAPSHOT, record(new RecordHeaders(), codec.write(snapshot))))
                .isEmpty();
        assertThat(consumed.read(MessageType.EVENT_SNAPSHOT, record(headers(MessageType.EVENT_SNAPSHOT), "{")))
                .isEmpty();
        assertThat(deadLetters.reasons).hasSize(2);
        assertThat(deadLetters.reasons.get(0)).contains("ce_specversion is missing");
        assertThat(deadLetters.reasons.get(1)).contains("is not a valid");

        assertThat(consumed.read(MessageType.EVENT_SNAPSHOT,
                record(headers(MessageType.EVENT_SNAPSHOT), codec.write(snapshot)))).isPresent();
        assertThat(deadLetters.reasons).hasSize(2);
    }

    @Test
    void eachTypeOfATopicIsReadAsItsOwnRecordAndOthersAreDeadLettered() {
        UUID registration = UUID.randomUUID();
        var erased = new RegistrationErased(registration, snapshot.id(), Instant.parse("2027-04-20T10:00:00Z"));
        var changed = new RegistrationChanged(registration, snapshot.id(), RegistrationState.CANCELLED, "Ana",
                "ana@example.org", "es", Instant.parse("2027-04-19T10:00:00Z"), null, null, null, null);

        assertThat(payload(consumed.readAny(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.REGISTRATION_ERASED), codec.write(erased))))).isEqualTo(erased);
        assertThat(payload(consumed.readAny(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.REGISTRATION_CHANGED), codec.write(changed))))).isEqualTo(changed);
        assertThat(deadLetters.reasons).isEmpty();

        assertThat(consumed.readAny(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.EVENT_SNAPSHOT), codec.write(snapshot)))).isEmpty();
        // The ce_type decides: an erasure's body sent as a change lacks the change's fields.
        assertThat(consumed.readAny(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.REGISTRATION_CHANGED), codec.write(erased)))).isEmpty();
        assertThat(deadLetters.reasons).hasSize(2);
        assertThat(deadLetters.reasons.get(0)).contains("unexpected type " + MessageType.EVENT_SNAPSHOT.ceType());
    }

    @Test
    void theReasonNamesTheFieldButNeverQuotesTheValue() {
        String valid = codec.write(new RegistrationChanged(UUID.randomUUID(), snapshot.id(),
                RegistrationState.REGISTERED, "Ana", "ana@example.org", "es", Instant.parse("2027-04-19T10:00:00Z"),
                null, null, null, null));
        String wrongField = valid.replace("\"REGISTERED\"", "\"ana@example.org\"");
        String missingField = valid.replace("\"name\":\"Ana\",", "");

        for (String value : List.of(wrongField, missingField, "{\"name\": ana@example.org")) {
            assertThat(consumed.readAny(MessageType.REGISTRATION_MESSAGES,
                    record(headers(MessageType.REGISTRATION_CHANGED), value))).isEmpty();
        }

        assertThat(deadLetters.reasons).hasSize(3).allSatisfy(reason -> assertThat(reason)
                .doesNotContain("ana@example.org").contains("is not a valid org.convene.registration.changed.v1"));
        assertThat(deadLetters.reasons.get(0)).endsWith("state is not a RegistrationState");
        assertThat(deadLetters.reasons.get(1)).endsWith("name is required");
        assertThat(deadLetters.reasons.get(2)).contains("not JSON (line 1");
    }

    @Test
    void aPollWithARecordTheDatabaseRefusesIsAppliedOneByOneAndOnlyThatRecordIsDeadLettered() {
        List<ConsumerRecord<String, String>> poll = List.of(numbered(0), numbered(1), numbered(2));
        List<Long> applied = new ArrayList<>();
        consumed.applyAll(new ConsumerRecords<>(Map.of(new TopicPartition("registrations", 0), poll)), record -> {
            if (record.offset() == 1) {
                // As pgjdbc reports a NUL byte in a name: the message quoted in it must go nowhere.
                throw new IllegalStateException(new SQLException("invalid byte sequence in Ana\u0000 ana@example.org",
                        "22021"));
            }
            applied.add(record.offset());
        });

        // The poll once (record 0 before the failure), then each alone, the refused one twice.
        assertThat(applied).containsExactly(0L, 0L, 2L);
        // Each is done once, the one dead-lettered too, so that its offset may be committed.
        assertThat(done).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(deadLetters.reasons).singleElement().asString()
                .contains("SQLSTATE 22021").doesNotContain("ana@example.org");
    }

    @Test
    void aFailureThatMayPassIsRetriedUntilItDoesAndNothingIsDeadLettered() {
        List<Integer> tries = new ArrayList<>();
        consumed.applyOne(numbered(7), record -> {
            tries.add(tries.size() + 1);
            if (tries.size() < 4) {
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
        });

        assertThat(tries).containsExactly(1, 2, 3, 4);
        assertThat(deadLetters.reasons).isEmpty();
        assertThat(done).extracting(ConsumerRecord::offset).containsExactly(7L);
    }

    @Test
    void onlyRefusedValuesAreTheMessagesFault() {
        assertThat(ApplyFailure.of(new RuntimeException(new SQLException("value too long", "22001"))))
                .isEqualTo(ApplyFailure.THE_MESSAGES);
        assertThat(ApplyFailure.of(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isEqualTo(ApplyFailure.THE_MESSAGES);
        assertThat(ApplyFailure.of(new java.time.zone.ZoneRulesException("Unknown time-zone ID")))
                .isEqualTo(ApplyFailure.THE_MESSAGES);
        // The database away, a deadlock, a pool with no connection free (no SQLSTATE), anything unknown.
        assertThat(ApplyFailure.of(new SQLException("the connection attempt failed", "08001")))
                .isEqualTo(ApplyFailure.MAY_PASS);
        assertThat(ApplyFailure.of(new SQLException("deadlock detected", "40P01"))).isEqualTo(ApplyFailure.MAY_PASS);
        assertThat(ApplyFailure.of(new SQLException("Sorry, acquisition timeout!"))).isEqualTo(ApplyFailure.MAY_PASS);
        assertThat(ApplyFailure.of(new org.apache.kafka.common.errors.TimeoutException("broker away")))
                .isEqualTo(ApplyFailure.MAY_PASS);
        assertThat(ApplyFailure.of(new RuntimeException(new jakarta.transaction.RollbackException("timed out"))))
                .isEqualTo(ApplyFailure.MAY_PASS);
        assertThat(ApplyFailure.of(new SQLException("relation does not exist", "42P01"))).isEqualTo(ApplyFailure.MAY_PASS);
    }

    @Test
    void aBugIsNeitherTheMessagesFaultNorAnOutage() {
        assertThat(ApplyFailure.of(new NullPointerException())).isEqualTo(ApplyFailure.UNFORESEEN);
        assertThat(ApplyFailure.of(new IllegalStateException("broker away"))).isEqualTo(ApplyFailure.UNFORESEEN);
        assertThat(ApplyFailure.of(new RuntimeException(new ClassCastException()))).isEqualTo(ApplyFailure.UNFORESEEN);
    }

    @Test
    void aRecordThatFailsUnforeseenIsTriedAFewTimesThenDeadLetteredAndTheNextIsApplied() {
        List<ConsumerRecord<String, String>> poll = List.of(numbered(0), numbered(1), numbered(2));
        List<Long> tried = new ArrayList<>();
        consumed.applyAll(new ConsumerRecords<>(Map.of(new TopicPartition("registrations", 0), poll)), record -> {
            tried.add(record.offset());
            if (record.offset() == 1) {
                throw new NullPointerException("a bug, with ana@example.org in its message");
            }
        });

        // The poll to record 1, then each alone, record 1 as many times as a bug gets.
        assertThat(tried).containsExactly(0L, 1L, 0L, 1L, 1L, 1L, 1L, 1L, 2L);
        assertThat(done).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(deadLetters.reasons).singleElement().asString()
                .contains("failed unforeseen", "NullPointerException").doesNotContain("ana@example.org");
        assertThat(metrics.counter("convene.consumer.retries", "topic", "registrations", "failure", "unforeseen")
                .count()).isEqualTo(ConsumedMessages.ATTEMPTS_BEFORE_DEAD_LETTER_UNFORESEEN - 1);
    }

    @Test
    void theAgeOfTheMessageUnderWayIsMeasuredWhileItWaitsAndIsZeroAfter() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("events", 0, 5,
                clock.millis() - 20_000, TimestampType.CREATE_TIME, 0, 0, "key", "{}", new RecordHeaders(),
                Optional.empty());
        List<Double> seen = new ArrayList<>();
        consumed.applyOne(record, r -> {
            seen.add(metrics.get("convene.consumer.oldest.unapplied").tag("topic", "events").gauge().value());
            if (seen.size() < 3) {
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
        });

        assertThat(seen).containsExactly(20.0, 20.0, 20.0);
        assertThat(metrics.get("convene.consumer.oldest.unapplied").tag("topic", "events").gauge().value()).isZero();
        assertThat(metrics.counter("convene.consumer.retries", "topic", "events", "failure", "may_pass").count())
                .isEqualTo(2);
    }

    @Test
    void theWaitBetweenTriesDoublesFromASecondToHalfAMinute() {
        assertThat(List.of(1, 2, 3, 5, 6, 7, 100).stream().map(org.convene.platform.worker.RetryPause::before))
                .containsExactly(1_000L, 2_000L, 4_000L, 16_000L, 30_000L, 30_000L, 30_000L);
    }

    private static ConsumerRecord<String, String> numbered(long offset) {
        return new ConsumerRecord<>("registrations", 0, offset, "key", "{}");
    }

    private static Object payload(Optional<? extends MessageCodec.Received<?>> received) {
        return received.orElseThrow().payload();
    }
}
