package org.convene.registration.bots;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.altcha.altcha.Altcha;
import org.convene.contracts.signing.Signer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proof of work a registration from a program carries: an ALTCHA challenge, signed here, that the
 * browser solves by hashing until it finds the number (a fraction of a second for one person, a real
 * cost for a program sending thousands). A solution is good once and until its challenge expires.
 */
@ApplicationScoped
public class ProofOfWork {

    /** What a solution sent with a registration is worth. */
    public enum Verdict {
        SOLVED, INVALID, EXPIRED, USED
    }

    private static final String PURPOSE = "proof-of-work";

    private final String hmacKey;
    private final long maxNumber;
    private final Duration lifetime;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public ProofOfWork(Signer signer, Clock clock, EntityManager entityManager, ObjectMapper objectMapper,
            @ConfigProperty(name = "convene.bots.proof-of-work.max-number") long maxNumber,
            @ConfigProperty(name = "convene.bots.proof-of-work.lifetime") Duration lifetime) {
        this.hmacKey = signer.derivedKey(PURPOSE);
        this.maxNumber = maxNumber;
        this.lifetime = lifetime;
        this.clock = clock;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** A new challenge, as the ALTCHA clients read it. */
    public Altcha.Challenge challenge() {
        return challenge(clock.instant().plus(lifetime));
    }

    Altcha.Challenge challenge(Instant expires) {
        try {
            return Altcha.createChallenge(new Altcha.ChallengeOptions().setMaxNumber(maxNumber).setHmacKey(hmacKey)
                    .setExpires(expires.getEpochSecond()));
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA could not make a challenge", e);
        }
    }

    /**
     * Checks a solution (the base64 JSON the ALTCHA clients send) and spends it, in the caller's
     * transaction: a refused registration must not have spent it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Verdict spend(String solution) {
        Altcha.Payload payload;
        Instant expires;
        try {
            payload = payload(solution);
            // The library's own expiry check reads the system clock; this service's clock decides.
            if (!Altcha.verifySolution(payload, hmacKey, false)) {
                return Verdict.INVALID;
            }
            expires = Instant.ofEpochSecond(Long.parseLong(Altcha.extractParams(payload.salt).get("expires")));
        } catch (Exception e) {
            return Verdict.INVALID;
        }
        if (!clock.instant().isBefore(expires)) {
            return Verdict.EXPIRED;
        }
        int spent = entityManager.createNativeQuery("insert into spent_challenge (signature, expires_at) values (?1, ?2) "
                + "on conflict do nothing")
                .setParameter(1, payload.signature)
                .setParameter(2, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .executeUpdate();
        return spent == 1 ? Verdict.SOLVED : Verdict.USED;
    }

    /** Spent challenges past their expiry can no longer be replayed anyway. */
    @Transactional
    public int forgetExpired() {
        return entityManager.createNativeQuery("delete from spent_challenge where expires_at < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    private Altcha.Payload payload(String solution) throws IOException {
        return objectMapper.readValue(Base64.getDecoder().decode(solution.strip()), Altcha.Payload.class);
    }
}
