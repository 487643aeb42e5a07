package org.convene.platform.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.platform.worker.WakeableWorker;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed outbox rows to Kafka in insertion order and deletes them once the broker has
 * acknowledged them. A commit wakes it at once; otherwise it looks every {@code interval}, which is
 * also how it catches up after Kafka was away. While Kafka is away, rows wait: nothing is lost.
 *
 * <p>Only one replica relays at a time (a PostgreSQL advisory lock), so that two messages with the
 * same key never overtake each other. Delivery is at least once: a crash after the broker's
 * acknowledgement and before the delete sends a row again, which consumers recognise by its id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary but fixed: the advisory lock that makes one replica the relay. */
    private static final long RELAY_LOCK = 0x0c0ffee0L;

    private volatile WakeableWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    @Inject
    OutboxRelayConfig config;

    void start(@Observes StartupEvent event) {
        worker = new WakeableWorker("outbox-relay", config.interval(), this::relayAll,
                "Outbox relay could not publish");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(config.sendTimeout());
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxMessage.Written written) {
        if (worker != null) {
            worker.wake();
        }
    }

    private void relayAll() {
        while (worker.running() && relayBatch() == config.batchSize()) {
            // a full batch: more are probably waiting
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean relay = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!relay) {
                return 0;
            }
            List<OutboxMessage> batch = OutboxMessage.find("order by id").page(0, config.batchSize()).list();
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // By id, not by range: a row with a lower id may commit while this batch is in flight.
            OutboxMessage.delete("id in ?1", batch.stream().map(row -> row.id).toList());
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxMessage row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        var attributes = new CloudEventAttributes(row.ceId.toString(), row.ceType, row.ceSource, row.ceTime);
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .withHeaders(attributes.toHeaders())
                .build();
        emitter.send(Message.of(row.payload)
                .addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
