package org.convene.registration.organiser;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.convene.contracts.session.SessionEnded;
import org.convene.platform.security.OrganiserSessions;
import org.convene.platform.worker.ShutdownGuard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The organisers' sessions that ended before their time, as events-service told them on {@code sessions}:
 * their tokens are refused here, though their signature and expiry still hold. A session not heard of
 * lives: events-service is the one that knows every session, and tells every early end.
 */
@ApplicationScoped
public class EndedSessions implements OrganiserSessions {

    private final EntityManager entityManager;
    private final Clock clock;
    private final ShutdownGuard guard;

    public EndedSessions(EntityManager entityManager, Clock clock, ShutdownGuard guard) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.guard = guard;
    }

    /** In the consumer's transaction; a redelivered end changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(SessionEnded ended) {
        entityManager.createNativeQuery("insert into ended_session (session_id, tokens_valid_until) values (?1, ?2) "
                + "on conflict do nothing")
                .setParameter(1, ended.sessionId())
                .setParameter(2, OffsetDateTime.ofInstant(ended.tokensValidUntil(), ZoneOffset.UTC))
                .executeUpdate();
    }

    @Override
    @Transactional
    public boolean ended(UUID sessionId) {
        return !entityManager.createNativeQuery("select 1 from ended_session where session_id = ?1")
                .setParameter(1, sessionId).getResultList().isEmpty();
    }

    /** Ends whose tokens have all expired: nothing is left to refuse. Every replica may run it. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        guard.run("Forgetting ended sessions", () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from ended_session where tokens_valid_until < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate()));
    }
}
