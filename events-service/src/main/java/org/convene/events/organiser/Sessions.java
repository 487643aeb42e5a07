package org.convene.events.organiser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.convene.contracts.MessageType;
import org.convene.contracts.session.SessionEnded;
import org.convene.platform.outbox.Outbox;
import org.convene.platform.security.OrganiserSessions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * Organisers' sessions: started by a sign-in, refreshed into new short-lived tokens, ended by a
 * sign-out or a changed password. An end is told to the other services on {@code sessions}, in the
 * transaction that ends it, so that every service refuses the session's tokens from then on.
 */
@ApplicationScoped
public class Sessions implements OrganiserSessions {

    /** A session's token, its expiry, and what makes the next one. */
    public record Session(String token, Instant expiresAt, String refreshToken, Instant sessionEndsAt) {
    }

    private final String issuer;
    private final Duration lifespan;
    private final Duration tokenLifespan;
    private final Outbox outbox;
    private final Clock clock;

    public Sessions(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            SessionConfig config, Outbox outbox, Clock clock) {
        this.issuer = issuer;
        this.lifespan = config.lifespan();
        this.tokenLifespan = config.tokenLifespan();
        this.outbox = outbox;
        this.clock = clock;
    }

    /** How long a session lasts at the most, for the cookies that carry it. */
    public Duration lifespan() {
        return lifespan;
    }

    @Transactional
    Session start(Organiser organiser) {
        Instant now = clock.instant();
        OrganiserSession.Started started = OrganiserSession.start(organiser.id, now, lifespan);
        started.session().persist();
        return session(organiser, started.session(), started.refreshToken(), now);
    }

    /** A new token for the session the refresh token belongs to, while it lives. */
    @Transactional
    public Optional<Session> refresh(String refreshToken) {
        Instant now = clock.instant();
        OrganiserSession session = OrganiserSession.byRefreshToken(refreshToken);
        if (session == null || !session.isLive(now)) {
            return Optional.empty();
        }
        Organiser organiser = Organiser.findById(session.organiserId);
        return Optional.ofNullable(organiser).map(o -> session(o, session, refreshToken, now));
    }

    /** Ends the session now, if it lives; its tokens are refused everywhere from then on. */
    @Transactional
    public Optional<UUID> end(UUID sessionId) {
        return endOf(OrganiserSession.findById(sessionId));
    }

    /** Ends the session of this refresh token: a sign-out whose token has expired still ends its session. */
    @Transactional
    public Optional<UUID> endByRefreshToken(String refreshToken) {
        return endOf(OrganiserSession.byRefreshToken(refreshToken));
    }

    /** Whose session ended now; empty when there was none, or it had ended already. */
    private Optional<UUID> endOf(OrganiserSession session) {
        return session != null && ended(session, clock.instant()) ? Optional.of(session.organiserId) : Optional.empty();
    }

    /** Ends every live session of the organiser but {@code kept}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAllOf(UUID organiserId, UUID kept) {
        Instant now = clock.instant();
        List<OrganiserSession> live = OrganiserSession.list("organiserId = ?1 and endedAt is null and endsAt > ?2",
                organiserId, now);
        live.stream().filter(session -> !session.id.equals(kept)).forEach(session -> ended(session, now));
    }

    /** Unknown sessions count as ended: a token of a session that was never started here is no organiser's. */
    @Override
    @Transactional
    public boolean ended(UUID sessionId) {
        OrganiserSession session = OrganiserSession.findById(sessionId);
        return session == null || session.endedAt != null;
    }

    /** Sessions that ended a day ago: their tokens expired long since. */
    @Transactional
    public long forgetOld() {
        return OrganiserSession.delete("endsAt < ?1", clock.instant().minus(Duration.ofDays(1)));
    }

    private boolean ended(OrganiserSession session, Instant now) {
        if (!session.end(now)) {
            return false;
        }
        outbox.publish(MessageType.SESSION_ENDED, session.id.toString(),
                new SessionEnded(session.id, session.organiserId, session.tokenExpiry(now, tokenLifespan), now));
        return true;
    }

    private Session session(Organiser organiser, OrganiserSession session, String refreshToken, Instant now) {
        Instant expiresAt = session.tokenExpiry(now, tokenLifespan);
        String token = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .upn(organiser.email)
                .subject(organiser.id.toString())
                .groups(Organiser.ROLE)
                .claim(SESSION_CLAIM, session.id.toString())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new Session(token, expiresAt, refreshToken, session.endsAt);
    }
}
