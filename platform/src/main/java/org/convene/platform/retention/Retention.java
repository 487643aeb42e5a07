package org.convene.platform.retention;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a service keeps the personal data of an event's registrants after the event ended
 * ({@code CONVENE_RETENTION_AFTER_EVENT}): then a job of each service that holds any deletes it, and only
 * counts, which name nobody, remain.
 */
@ConfigMapping(prefix = "convene.retention")
public interface Retention {

    /** Twelve months by default: long enough for the organisers' follow-ups and reports. */
    @WithDefault("P365D")
    @DurationMin(inclusive = false)
    Duration afterEvent();

    /** Rows deleted in one transaction, so that a first run over years of events holds no lock for long. */
    @WithDefault("1000")
    @Positive
    int batchSize();
}
