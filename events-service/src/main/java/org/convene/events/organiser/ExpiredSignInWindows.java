package org.convene.events.organiser;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.limits.RateLimits;
import org.convene.contracts.worker.ShutdownGuard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Sign-in counters whose windows ended a day ago count nothing any more: deleted, so the table stays small. */
@ApplicationScoped
public class ExpiredSignInWindows {

    private final RateLimits counters;
    private final ShutdownGuard guard;

    public ExpiredSignInWindows(RateLimits counters, ShutdownGuard guard) {
        this.counters = counters;
        this.guard = guard;
    }

    // Every replica may run it: the delete is idempotent.
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forget() {
        guard.run("Forgetting old sign-in counters", () -> QuarkusTransaction.requiringNew().run(counters::forgetOldWindows));
    }
}
