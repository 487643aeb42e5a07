package org.convene.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MessageCodec;

/**
 * Writes to a topic the way the other services' outbox relays do: a String key, the record as JSON,
 * CloudEvents attributes in the headers. A partition can be named so that a test knows the order in
 * which the consumer sees its messages.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final MessageCodec codec;

    public TopicWriter(String bootstrapServers, MessageCodec codec) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.codec = codec;
    }

    public static CloudEventAttributes attributes(MessageType<?> type) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(), "/test", Instant.now());
    }

    public <T> RecordMetadata send(MessageType<T> type, String key, T payload) {
        return send(type, null, key, payload, attributes(type));
    }

    public <T> RecordMetadata send(MessageType<T> type, Integer partition, String key, T payload,
            CloudEventAttributes attributes) {
        return sendRaw(type.topic(), partition, key, codec.write(payload), attributes.toHeaders());
    }

    public RecordMetadata sendRaw(String topic, Integer partition, String key, String value, Headers headers) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value, headers)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
