package org.convene.notification.mail;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;

/**
 * How emails go out: the dispatcher's pace and batches ({@link EmailDispatcher}), the send rate
 * ({@link SendRate}) and the retries ({@link MailRetry}). One mapping for all of {@code convene.mail},
 * so that every key under it belongs to exactly one place.
 */
@ConfigMapping(prefix = "convene.mail")
public interface MailConfig {

    /** How often the dispatcher looks for emails that fell due; a commit of emails due at once wakes it sooner. */
    @DurationMin(inclusive = false)
    Duration dispatchInterval();

    /** Emails claimed at once. */
    @Positive
    int batchSize();

    /** How long one send may take. */
    @DurationMin(inclusive = false)
    Duration sendTimeout();

    /** Emails per second per replica, for relays that cap it; 0: as fast as the SMTP server takes them. */
    @PositiveOrZero
    double ratePerSecond();

    MailRetry retry();
}
