package org.convene.platform.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Commits again what this service applied when the commit itself failed. SmallRye's throttled commit
 * strategy forgets the offsets of a commit that failed (the broker away) and commits a partition again
 * only once a newer record of it is processed: a partition that gets nothing new keeps a stale committed
 * offset for good, shows a lag that never clears, and hands its last records out again after a restart
 * (the full fault suite's broker outage found it). Every half minute, for each partition this service
 * holds and has applied records of, the offset after the last applied record is committed if the broker
 * has less, once the partition has been quiet for a turn (while records flow, SmallRye's own commits
 * follow them). Only applied records count, and they are applied in order, so every record before is
 * applied.
 */
@ApplicationScoped
public class CommitRepair {

    private static final Logger LOG = Logger.getLogger(CommitRepair.class);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** By partition, the offset after the last record applied (or dead-lettered). */
    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();
    /** What {@link #applied} held at the last turn: a partition unchanged since is quiet. */
    private volatile Map<TopicPartition, Long> lastTurn = Map.of();
    private final KafkaClientService clients;

    public CommitRepair(KafkaClientService clients) {
        this.clients = clients;
    }

    /** Called once the record's work is committed to the database, or the record is dead-lettered. */
    void applied(ConsumerRecord<?, ?> record) {
        applied.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
    }

    @Scheduled(every = "${convene.kafka.commit-repair-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void repair() {
        Map<TopicPartition, Long> quiet = quiet(lastTurn, Map.copyOf(applied));
        lastTurn = Map.copyOf(applied);
        for (String channel : clients.getConsumerChannels()) {
            for (KafkaConsumer<Object, Object> consumer : clients.<Object, Object> getConsumers(channel)) {
                try {
                    consumer.runOnPollingThread(kafka -> {
                        Map<TopicPartition, Long> held = held(quiet, kafka.assignment());
                        if (!held.isEmpty()) {
                            Map<TopicPartition, OffsetAndMetadata> behind = behind(held,
                                    kafka.committed(held.keySet(), PATIENCE));
                            if (!behind.isEmpty()) {
                                kafka.commitSync(behind, PATIENCE);
                                LOG.infof("Committed again what %s had applied: %s", channel, behind);
                            }
                        }
                    }).await().atMost(PATIENCE.multipliedBy(3));
                } catch (RuntimeException e) {
                    // The broker away still: the next turn tries again.
                    LOG.debugf("Could not check the commits of %s (%s)", channel, e.getClass().getSimpleName());
                }
            }
        }
    }

    /** The partitions whose last applied record is the same as at the last turn. */
    static Map<TopicPartition, Long> quiet(Map<TopicPartition, Long> before, Map<TopicPartition, Long> now) {
        Map<TopicPartition, Long> quiet = new HashMap<>();
        now.forEach((partition, next) -> {
            if (next.equals(before.get(partition))) {
                quiet.put(partition, next);
            }
        });
        return quiet;
    }

    private static Map<TopicPartition, Long> held(Map<TopicPartition, Long> quiet, Set<TopicPartition> assignment) {
        Map<TopicPartition, Long> held = new HashMap<>();
        for (TopicPartition partition : assignment) {
            Long next = quiet.get(partition);
            if (next != null) {
                held.put(partition, next);
            }
        }
        return held;
    }

    /** The partitions whose committed offset is below the offset after their last applied record. */
    static Map<TopicPartition, OffsetAndMetadata> behind(Map<TopicPartition, Long> applied,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
        applied.forEach((partition, next) -> {
            OffsetAndMetadata at = committed.get(partition);
            if (at == null || at.offset() < next) {
                behind.put(partition, new OffsetAndMetadata(next));
            }
        });
        return behind;
    }
}
