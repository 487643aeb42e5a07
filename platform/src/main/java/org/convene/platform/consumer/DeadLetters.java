package org.convene.platform.consumer;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.DeadLetterHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Dead-letters a message that its consumer cannot read or store, on {@code dead-letters}: the value and
 * key as they were, its own headers, and headers that say why, from where and for whom. Only such
 * messages go there; a failure that may pass (the database away) is not a reason to set one aside.
 * The reason names fields and kinds of failure, never values: it is logged.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<String> emitter;
    private final String consumer;
    private final MeterRegistry metrics;

    public DeadLetters(@Channel(Topics.DEAD_LETTERS) Emitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String consumer, MeterRegistry metrics) {
        this.emitter = emitter;
        this.consumer = consumer;
        this.metrics = metrics;
    }

    /** Returns once the broker has the message, so that the offset is committed only after. */
    public void deadLetter(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(DeadLetterHeaders.REASON, bytes(reason));
        headers.add(DeadLetterHeaders.TOPIC, bytes(record.topic()));
        headers.add(DeadLetterHeaders.PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, bytes(String.valueOf(record.offset())));
        headers.add(DeadLetterHeaders.CONSUMER, bytes(consumer));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(record.key()).withHeaders(headers).build();
        var sent = new java.util.concurrent.CompletableFuture<Void>();
        emitter.send(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(metadata)
                .withAck(() -> {
                    sent.complete(null);
                    return sent;
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return sent;
                }));
        sent.join();
        // What an operator alerts on: any message dead-lettered wants a look, and perhaps a replay.
        metrics.counter("convene.dead.letters", "topic", record.topic()).increment();
        LOG.warnf("Dead-lettered a message from %s-%d at offset %d on %s: %s", record.topic(),
                record.partition(), record.offset(), Topics.DEAD_LETTERS, reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
