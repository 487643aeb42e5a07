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
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
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

    @Test
    void readsEachTypeOfATopicAsItsOwnRecordAndSkipsOthers() {
        UUID registration = UUID.randomUUID();
        var erased = new RegistrationErased(registration, snapshot.id(), Instant.parse("2027-04-20T10:00:00Z"));
        var changed = new RegistrationChanged(registration, snapshot.id(), RegistrationState.CANCELLED, "Ana",
                "ana@example.org", "es", Instant.parse("2027-04-19T10:00:00Z"), null, null, null);

        assertThat(codec.readAnyOrSkip(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.REGISTRATION_ERASED), codec.write(erased)))).get()
                .extracting(MessageCodec.Received::payload).isEqualTo(erased);
        assertThat(codec.readAnyOrSkip(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.REGISTRATION_CHANGED), codec.write(changed)))).get()
                .extracting(MessageCodec.Received::payload).isEqualTo(changed);
        assertThat(codec.readAnyOrSkip(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.EVENT_SNAPSHOT), codec.write(snapshot)))).isEmpty();
        // The ce_type decides: an erasure's body sent as a change lacks the change's fields.
        assertThat(codec.readAnyOrSkip(MessageType.REGISTRATION_MESSAGES,
                record(headers(MessageType.REGISTRATION_CHANGED), codec.write(erased)))).isEmpty();
    }

    @Test
    void anOlderRegistrationMessageReadsAsTheFirstRequestWithoutZoneOrLink() {
        String older = """
                {"registrationId":"%s","eventId":"%s","state":"REGISTERED","name":"Ana","email":"ana@example.org",
                 "language":"en","occurredAt":"2027-04-19T10:00:00Z"}""".formatted(UUID.randomUUID(), snapshot.id());
        RegistrationChanged read = codec.read(MessageType.REGISTRATION_CHANGED,
                record(headers(MessageType.REGISTRATION_CHANGED), older)).payload();
        assertThat(read.confirmationRequest()).isEqualTo(1);
        assertThat(read.timeZone()).isNull();
        assertThat(read.cancelUrl()).isNull();
    }

    private static Headers headers(MessageType<?> type) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(), "/test", Instant.now()).toHeaders();
    }

    private static ConsumerRecord<String, String> record(Headers headers, String value) {
        return new ConsumerRecord<>("events", 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "key", value, headers, java.util.Optional.empty());
    }
}
