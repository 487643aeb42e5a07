package org.convene.platform.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs a scheduled job's work so that a service that stops under it ends quietly: a job that is still
 * running when the database's pool or Hibernate closes fails, and the scheduler would log that as an
 * ERROR with its stack trace, on every ordinary stop. Once the service is stopping, no job starts, and
 * one that fails is logged as stopped with the service; before that, a failure is thrown as ever.
 */
@ApplicationScoped
public class ShutdownGuard {

    private static final Logger LOG = Logger.getLogger(ShutdownGuard.class);

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public void run(String job, Runnable work) {
        if (stopping) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            LOG.infof("%s stopped with the service (%s)", job, e.getClass().getSimpleName());
        }
    }

    /** For a unit test: as the {@link ShutdownEvent} does. */
    void stopping() {
        stopping = true;
    }
}
