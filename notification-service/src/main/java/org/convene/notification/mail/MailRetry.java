package org.convene.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.convene.contracts.delivery.EmailKind;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.WithDefault;

/**
 * How long an email is tried, and how often: by time, not by count, as mail servers do (Postfix keeps
 * trying for five days), so that a relay away for hours loses nothing. A reminder is tried until its
 * event starts, whatever its lifetime: then it is dropped. Read from {@code convene.mail.retry}, a part of
 * {@link MailConfig}.
 */
public interface MailRetry {

    /** The pause after a first failure that may pass; each next one is twice as long. */
    @WithDefault("30S")
    @DurationMin(inclusive = false)
    Duration firstPause();

    /** The longest pause between two tries of one email. */
    @WithDefault("30M")
    @DurationMin(inclusive = false)
    Duration maxPause();

    /** How long after it was promised an email is still tried. */
    @WithDefault("5D")
    @DurationMin
    Duration lifetime();

    /** A lifetime for some kinds of their own, by the kind's name in lower case (e.g. {@code organiser_message}). */
    Map<String, Duration> lifetimeByKind();

    /** The relay's pauses: how long the dispatcher waits before it tries the relay again, doubling. */
    @WithDefault("5S")
    @DurationMin(inclusive = false)
    Duration relayFirstPause();

    @WithDefault("5M")
    @DurationMin(inclusive = false)
    Duration relayMaxPause();

    default Duration lifetimeOf(EmailKind kind) {
        return lifetimeByKind().getOrDefault(kind.name().toLowerCase(Locale.ROOT), lifetime());
    }

    /**
     * Whether an email promised at {@code promisedAt} is past trying. Every kind but the reminder falls due
     * when it is promised; a reminder is promised long before it falls due and is tried until its event
     * starts, when it is dropped instead.
     */
    default boolean isOver(EmailKind kind, Instant promisedAt, Instant now) {
        return kind != EmailKind.REMINDER && now.isAfter(promisedAt.plus(lifetimeOf(kind)));
    }

    /** The first pause, then twice as long each time, up to the longest. */
    default Duration pauseAfter(int attempts) {
        Duration pause = firstPause().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(maxPause()) > 0 ? maxPause() : pause;
    }
}
