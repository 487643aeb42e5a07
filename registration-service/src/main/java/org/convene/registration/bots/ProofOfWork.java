package org.convene.registration.bots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.altcha.altcha.Altcha;
import org.convene.platform.signing.Signer;

/**
 * The proof of work a registration from a program carries: an ALTCHA challenge, signed here, that the
 * browser solves by hashing until it finds the number (a fraction of a second for one person, a real
 * cost for a program sending thousands). A solution is good once and until its challenge expires.
 */
@ApplicationScoped
public class ProofOfWork {

    /** What a solution sent with a registration is worth. */
    public enum Verdict {
        SOLVED, INVALID, EXPIRED, USED,
        /** Spent already by the same request (same event, same address): answered as that one was. */
        REPEATED
    }

    /**
     * A solution's spending: its verdict, the signature it is kept under, and for a repeat, what the first
     * request was answered (null until that request's transaction stored it).
     */
    public record Spent(Verdict verdict, String signature, UUID registrationId, boolean alreadyRegistered) {

        static Spent refused(Verdict verdict) {
            return new Spent(verdict, null, null, false);
        }
    }

    private static final String PURPOSE = "proof-of-work";

    private final Signer signer;
    private final String hmacKey;
    private final long maxNumber;
    private final Duration lifetime;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public ProofOfWork(Signer signer, Clock clock, EntityManager entityManager, ObjectMapper objectMapper,
            BotDefenceConfig bots) {
        this.signer = signer;
        this.hmacKey = signer.derivedKey(PURPOSE);
        this.maxNumber = bots.proofOfWork().maxNumber();
        this.lifetime = bots.proofOfWork().lifetime();
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
     * Checks a solution (the base64 JSON the ALTCHA clients send) and spends it on this event and address,
     * in the caller's transaction: a registration that is not stored must not have spent it. A solution
     * spent already is {@link Verdict#REPEATED} when it was spent on the same event and address, and
     * {@link Verdict#USED} otherwise. Two requests with one solution at once: the second's insert waits
     * for the first's transaction, and then sees what it stored, or spends the solution if it rolled back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Spent spend(String solution, UUID eventId, String email) {
        Check check = check(solution, hmacKey, objectMapper, clock.instant());
        if (!(check instanceof Check.Good(String signature, Instant expires))) {
            return Spent.refused(((Check.Bad) check).verdict());
        }
        String subject = signer.sign(PURPOSE, email);
        int spent = entityManager.createNativeQuery("insert into spent_challenge (signature, expires_at, event_id, subject)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, signature)
                .setParameter(2, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .setParameter(3, eventId)
                .setParameter(4, subject)
                .executeUpdate();
        if (spent == 1) {
            return new Spent(Verdict.SOLVED, signature, null, false);
        }
        List<?> first = entityManager.createNativeQuery("select registration_id, already_registered from spent_challenge"
                + " where signature = ?1 and event_id = ?2 and subject = ?3 and registration_id is not null")
                .setParameter(1, signature)
                .setParameter(2, eventId)
                .setParameter(3, subject)
                .getResultList();
        if (first.isEmpty()) {
            return Spent.refused(Verdict.USED);
        }
        Object[] answer = (Object[]) first.get(0);
        return new Spent(Verdict.REPEATED, signature, (UUID) answer[0], (Boolean) answer[1]);
    }

    /** Keeps the answer to the request that spent a solution, for its repeats; in that request's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(String signature, UUID registrationId, boolean alreadyRegistered) {
        entityManager.createNativeQuery("update spent_challenge set registration_id = ?2, already_registered = ?3"
                + " where signature = ?1")
                .setParameter(1, signature)
                .setParameter(2, registrationId)
                .setParameter(3, alreadyRegistered)
                .executeUpdate();
    }

    /** Spent challenges past their expiry can no longer be replayed anyway. */
    @Transactional
    public int forgetExpired() {
        return entityManager.createNativeQuery("delete from spent_challenge where expires_at < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    /** What a solution is worth before it is spent: what can be told without the database. */
    sealed interface Check {

        /** Made with this service's key and not expired: its signature, and when its challenge expires. */
        record Good(String signature, Instant expires) implements Check {
        }

        record Bad(Verdict verdict) implements Check {
        }
    }

    /**
     * Checks a solution (the base64 JSON the ALTCHA clients send) against the key its challenge was made
     * with, and its expiry against {@code now}: the library's own expiry check reads the system clock, and
     * this service's clock decides.
     */
    static Check check(String solution, String hmacKey, ObjectMapper json, Instant now) {
        Altcha.Payload payload;
        Instant expires;
        try {
            payload = json.readValue(Base64.getDecoder().decode(solution.strip()), Altcha.Payload.class);
            if (!Altcha.verifySolution(payload, hmacKey, false)) {
                return new Check.Bad(Verdict.INVALID);
            }
            expires = Instant.ofEpochSecond(Long.parseLong(Altcha.extractParams(payload.salt).get("expires")));
        } catch (Exception e) {
            return new Check.Bad(Verdict.INVALID);
        }
        return now.isBefore(expires) ? new Check.Good(payload.signature, expires) : new Check.Bad(Verdict.EXPIRED);
    }
}
