package org.convene.registration.bots;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.limits.RateLimits;
import org.convene.platform.worker.ShutdownGuard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Spent challenges and counters that can no longer matter are deleted, so that the tables stay small. */
@ApplicationScoped
public class ExpiredRecords {

    private final ProofOfWork proofOfWork;
    private final RateLimits rateLimits;
    private final ShutdownGuard guard;

    public ExpiredRecords(ProofOfWork proofOfWork, RateLimits rateLimits, ShutdownGuard guard) {
        this.proofOfWork = proofOfWork;
        this.rateLimits = rateLimits;
        this.guard = guard;
    }

    // Every replica may run it: the deletes are idempotent and touch only what has expired.
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forget() {
        guard.run("Forgetting expired challenges and rate windows", () -> {
            proofOfWork.forgetExpired();
            QuarkusTransaction.requiringNew().run(rateLimits::forgetOldWindows);
        });
    }
}
