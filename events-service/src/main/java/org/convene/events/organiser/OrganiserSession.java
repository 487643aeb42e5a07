package org.convene.events.organiser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One sign-in of an organiser, until it ends: at its time, or before (signed out, password changed).
 * Its tokens live briefly and name it; its refresh token, held by the organiser and kept here only as a
 * hash, makes new ones while the session lives.
 */
@Entity
@Table(name = "organiser_session")
public class OrganiserSession extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    public UUID id;

    @Column(name = "organiser_id", nullable = false)
    public UUID organiserId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "refresh_hash", nullable = false, unique = true)
    public String refreshHash;

    /** A new session, and the refresh token that only its organiser gets to see. */
    record Started(OrganiserSession session, String refreshToken) {
    }

    static Started start(UUID organiserId, Instant now, Duration lifespan) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OrganiserSession session = new OrganiserSession();
        session.id = UUID.randomUUID();
        session.organiserId = organiserId;
        session.startedAt = now;
        session.endsAt = now.plus(lifespan);
        session.refreshHash = hash(refreshToken);
        return new Started(session, refreshToken);
    }

    /** The session a refresh token belongs to, if any. */
    static OrganiserSession byRefreshToken(String refreshToken) {
        return refreshToken == null || refreshToken.isBlank() ? null : find("refreshHash", hash(refreshToken)).firstResult();
    }

    boolean isLive(Instant now) {
        return endedAt == null && now.isBefore(endsAt);
    }

    /**
     * Ends it now, if it still lives.
     *
     * @return whether it was live
     */
    boolean end(Instant now) {
        if (!isLive(now)) {
            return false;
        }
        endedAt = now;
        return true;
    }

    /** A token made at {@code now} lives {@code tokenLifespan}, and never past the session's end. */
    Instant tokenExpiry(Instant now, Duration tokenLifespan) {
        Instant expiry = now.plus(tokenLifespan);
        return expiry.isBefore(endsAt) ? expiry : endsAt;
    }

    /**
     * SHA-256 and no salt: the token is 256 random bits, so there is nothing to guess, and it must be
     * found by its hash.
     */
    private static String hash(String refreshToken) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
