package org.convene.platform.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.convene.platform.problem.FailureText;
import org.jboss.logging.Logger;

/**
 * A thread of its own that does one piece of work when woken, and at least every {@code interval},
 * until stopped: for work that a commit makes possible and that should start at once, without polling
 * the database in a tight loop. Wakes that come while the work runs make one more turn, not one each.
 * A failure is logged and the work tried again at the next turn; the interval is also how it catches
 * up after a part it needs was away.
 */
public final class WakeableWorker {

    private static final Logger LOG = Logger.getLogger(WakeableWorker.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private final String failure;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name the thread's name
     * @param failure how the log begins when a turn fails, e.g. "Outbox relay could not publish"
     */
    public WakeableWorker(String name, Duration interval, Runnable work, String failure) {
        this.name = name;
        this.interval = interval;
        this.work = work;
        this.failure = failure;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Another turn as soon as the one under way, if any, is over. */
    public void wake() {
        wake.release();
    }

    /** Whether to go on: work that loops over batches asks between two, so that a stop is not kept waiting. */
    public boolean running() {
        return running;
    }

    /** Lets the turn under way end, waiting for it at most {@code patience}. */
    public void stop(Duration patience) throws InterruptedException {
        Thread started;
        synchronized (this) {
            running = false;
            started = thread;
        }
        wake.release();
        if (started != null) {
            started.join(patience.toMillis());
        }
    }

    private void run() {
        while (running) {
            try {
                work.run();
            } catch (RuntimeException e) {
                // Types only: an exception's message may quote a value, a registrant's address among them.
                LOG.warnf("%s (%s); trying again in %s", failure, FailureText.withoutValues(e), interval);
            }
            try {
                wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
