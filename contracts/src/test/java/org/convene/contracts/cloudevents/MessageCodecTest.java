package org.convene.contracts.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.convene.contracts.MessageType;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private final EventSnapshot snapshot = new EventSnapshot(UUID.randomUUID(), 2, EventStatus.PUBLISHED,
            "Bolivia – People Power, Hope & Solidarity", OffsetDateTime.parse("2027-04-19T18:30:00+01:00"),
            "Europe/London", 90, "https://meet.example.org/bolivia");

    @Test
    void readsBackWhatItWrote() {
        var received = codec.read(MessageType.EVENT_SNAPSHOT, record(headers(MessageType.EVENT_SNAPSHOT),
                codec.write(snapshot)));
        // The same instant; Jackson gives it back in UTC, which is why consumers use the time zone id.
        assertThat(received.payload()).usingRecursiveComparison()
                .withEqualsForType(OffsetDateTime::isEqual, OffsetDateTime.class).isEqualTo(snapshot);
        assertThat(received.attributes().type()).isEqualTo(MessageType.EVENT_SNAPSHOT.ceType());
    }

    @Test
    void refusesAMessageOfAnotherType() {
        assertThatThrownBy(() -> codec.read(MessageType.EVENT_SNAPSHOT,
                record(headers(MessageType.REGISTRATION_CHANGED), codec.write(snapshot))))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("expected");
    }

    @Test
    void refusesReadableJsonThatLacksARequiredField() {
        String withoutTitle = codec.write(snapshot).replace("\"title\":", "\"name\":");
        assertThatThrownBy(() -> codec.read(MessageType.EVENT_SNAPSHOT,
                record(headers(MessageType.EVENT_SNAPSHOT), withoutTitle)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("title is required");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        String mars = codec.write(snapshot).replace("Europe/London", "Mars/Olympus");
        assertThatThrownBy(() -> codec.read(MessageType.EVENT_SNAPSHOT, record(headers(MessageType.EVENT_SNAPSHOT), mars)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("Mars/Olympus");
    }

    @Test
    void skipsTombstonesAndUnreadableMessagesWithoutThrowing() {
        assertThat(codec.readOrSkip(MessageType.EVENT_SNAPSHOT, record(headers(MessageType.EVENT_SNAPSHOT), null)))
                .isEmpty();
        assertThat(codec.readOrSkip(MessageType.EVENT_SNAPSHOT, record(new RecordHeaders(), codec.write(snapshot))))
                .isEmpty();
        assertThat(codec.readOrSkip(MessageType.EVENT_SNAPSHOT, record(headers(MessageType.EVENT_SNAPSHOT), "{")))
                .isEmpty();
        assertThat(codec.readOrSkip(MessageType.EVENT_SNAPSHOT,
                record(headers(MessageType.EVENT_SNAPSHOT), codec.write(snapshot)))).isPresent();
    }

    private static Headers headers(MessageType<?> type) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(), "/test", Instant.now()).toHeaders();
    }

    private static ConsumerRecord<String, String> record(Headers headers, String value) {
        return new ConsumerRecord<>("events", 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "key", value, headers, java.util.Optional.empty());
    }
}
