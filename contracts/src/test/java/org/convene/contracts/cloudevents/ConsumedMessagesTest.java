package org.convene.contracts.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.contracts.cloudevents.TestRecords.headers;
import static org.convene.contracts.cloudevents.TestRecords.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.convene.contracts.MessageType;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Which messages a consumer gets, and which it sets aside (the dead-letter topic itself is tested in the services). */
class ConsumedMessagesTest {

    /** Remembers what was set aside instead of sending it to a broker. */
    static final class RecordingDeadLetters extends DeadLetters {
        final List<String> reasons = new ArrayList<>();

        RecordingDeadLetters() {
            super(null, "test");
        }

        @Override
        public void setAside(ConsumerRecord<String, String> record, String reason) {
            reasons.add(reason);
        }
    }

    private final MessageCodec codec = new MessageCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final ConsumedMessages consumed = new ConsumedMessages(codec, deadLetters, null);

    private final EventSnapshot snapshot = new EventSnapshot(UUID.randomUUID(), 2, EventStatus.PUBLISHED,
            "Bolivia – People Power, Hope & Solidarity", OffsetDateTime.parse("2027-04-19T18:30:00+01:00"),
            "Europe/London", 90, "https://meet.example.org/bolivia");

    @Test
    void aTombstoneIsNothingAndAnUnreadableMessageIsSetAsideWithItsReason() {
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
    void eachTypeOfATopicIsReadAsItsOwnRecordAndOthersAreSetAside() {
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

    private static Object payload(Optional<? extends MessageCodec.Received<?>> received) {
        return received.orElseThrow().payload();
    }
}
