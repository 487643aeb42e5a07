package org.convene.contracts.cloudevents;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.convene.contracts.MessageType;

/** Consumed records as a broker would hand them over, for tests of reading them. */
public final class TestRecords {

    private TestRecords() {
    }

    public static Headers headers(MessageType<?> type) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(), "/test", Instant.now()).toHeaders();
    }

    public static ConsumerRecord<String, String> record(Headers headers, String value) {
        return new ConsumerRecord<>("events", 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "key", value, headers, Optional.empty());
    }
}
