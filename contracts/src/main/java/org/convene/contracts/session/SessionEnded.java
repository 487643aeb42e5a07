package org.convene.contracts.session;

import java.time.Instant;
import java.util.UUID;

import org.convene.contracts.Messages;

/**
 * An organiser's session ended before its time (signed out, their password changed), on {@code sessions}
 * keyed by {@code sessionId}: every service that takes organiser tokens refuses the session's tokens from
 * now on, and may forget this once {@code tokensValidUntil} has passed, since no token of it lives longer.
 *
 * @param sessionId        the {@code sid} claim of the session's tokens
 * @param organiserId      whose session it was, for the log
 * @param tokensValidUntil when the last token of the session would have expired anyway
 */
public record SessionEnded(UUID sessionId, UUID organiserId, Instant tokensValidUntil, Instant occurredAt) {

    public SessionEnded {
        Messages.require(sessionId, "sessionId");
        Messages.require(organiserId, "organiserId");
        Messages.require(tokensValidUntil, "tokensValidUntil");
        Messages.require(occurredAt, "occurredAt");
    }
}
