package org.convene.events.organiser;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.limits.RateLimits;
import org.convene.platform.worker.ShutdownGuard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sign-in counters whose windows ended a day ago count nothing any more, and sessions that ended a day
 * ago have no token left: both deleted, so that the tables stay small.
 */
@ApplicationScoped
public class ExpiredSignInRecords {

    private final RateLimits counters;
    private final Sessions sessions;
    private final ShutdownGuard guard;

    public ExpiredSignInRecords(RateLimits counters, Sessions sessions, ShutdownGuard guard) {
        this.counters = counters;
        this.sessions = sessions;
        this.guard = guard;
    }

    // Every replica may run it: the delete is idempotent.
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forget() {
        guard.run("Forgetting old sign-in counters and sessions", () -> {
            QuarkusTransaction.requiringNew().run(counters::forgetOldWindows);
            sessions.forgetOld();
        });
    }
}
