package org.convene.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which partitions' commits are repaired: only those the broker holds below what was applied. */
@Tag("unit")
class CommitRepairTest {

    private static final TopicPartition STALE = new TopicPartition("events", 0);
    private static final TopicPartition NEVER = new TopicPartition("events", 1);
    private static final TopicPartition CURRENT = new TopicPartition("events", 2);
    private static final TopicPartition AHEAD = new TopicPartition("registrations", 0);

    @Test
    void onlyPartitionsWithNothingNewAppliedSinceTheLastTurnAreLookedAt() {
        // While records flow, SmallRye's own commits follow them: only a quiet partition can be left behind.
        assertThat(CommitRepair.quiet(Map.of(STALE, 2L, CURRENT, 7L), Map.of(STALE, 2L, CURRENT, 9L, NEVER, 5L)))
                .containsOnly(Map.entry(STALE, 2L));
    }

    @Test
    void onlyCommitsBelowTheLastAppliedRecordAreRaisedAndNoneIsLowered() {
        Map<TopicPartition, Long> applied = Map.of(STALE, 2L, NEVER, 5L, CURRENT, 9L, AHEAD, 3L);
        // As Kafka answers: null for a partition the group never committed.
        Map<TopicPartition, OffsetAndMetadata> committed = new java.util.HashMap<>();
        committed.put(STALE, new OffsetAndMetadata(1));
        committed.put(NEVER, null);
        committed.put(CURRENT, new OffsetAndMetadata(9));
        // Another replica held it later and went further: never move it back.
        committed.put(AHEAD, new OffsetAndMetadata(40));

        assertThat(CommitRepair.behind(applied, committed)).containsOnly(
                Map.entry(STALE, new OffsetAndMetadata(2)), Map.entry(NEVER, new OffsetAndMetadata(5)));
    }
}
