package org.convene.registration.bots;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Spent challenges and counters that can no longer matter are deleted, so that the tables stay small. */
@ApplicationScoped
public class ExpiredRecords {

    private final ProofOfWork proofOfWork;
    private final RateLimits rateLimits;

    public ExpiredRecords(ProofOfWork proofOfWork, RateLimits rateLimits) {
        this.proofOfWork = proofOfWork;
        this.rateLimits = rateLimits;
    }

    // Every replica may run it: the deletes are idempotent and touch only what has expired.
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forget() {
        proofOfWork.forgetExpired();
        rateLimits.forgetOldWindows();
    }
}
