package org.convene.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the outbox relay ({@link OutboxRelay}) publishes: how many rows at once, how often it looks, and
 * how long it waits for Kafka.
 */
@ConfigMapping(prefix = "convene.outbox")
public interface OutboxRelayConfig {

    /** Rows published in one transaction; a full batch is followed at once by the next. */
    @WithDefault("200")
    @Positive
    int batchSize();

    /** How often it looks when no commit woke it, and so how soon it catches up after Kafka was away. */
    @WithDefault("1s")
    @DurationMin(inclusive = false)
    Duration interval();

    /** How long a batch waits for the broker's acknowledgements, and a stopping relay for its last batch. */
    @WithDefault("15s")
    @DurationMin(inclusive = false)
    Duration sendTimeout();
}
