package org.convene.contracts.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.contracts.cloudevents.TestRecords.headers;
import static org.convene.contracts.cloudevents.TestRecords.record;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.convene.contracts.MessageType;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

@Tag("unit")
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
}
