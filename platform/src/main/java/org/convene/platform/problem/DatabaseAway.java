package org.convene.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means the database could not be reached, rather than that it refused the work: no
 * connection to be had (PostgreSQL down or restarting, or every pooled connection busy for longer than
 * the pool waits, as in a burst), or the connection lost.
 */
public final class DatabaseAway {

    private static final String UNABLE_TO_ACQUIRE = "Unable to acquire JDBC Connection";
    /** Agroal's words when its wait for a pooled connection ran out (DatabaseOutOfReachTest). */
    private static final String POOL_WAIT_RAN_OUT = "acquisition timeout";

    private DatabaseAway() {
    }

    /**
     * Looks through the causes and the suppressed exceptions: a commit that fails because the server went
     * away is a bare RollbackException from the transaction manager, with the driver's error only among
     * its suppressed ones (PostgresOutageTest: the email dispatcher dropped a batch's outcomes for it, and
     * sent the batch twice).
     */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    private static boolean causedBy(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < 8; cause = cause.getCause()) {
            if (away(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean away(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        // The pool's wait ran out: Agroal says so with a bare SQLException, which Hibernate wraps with
        // this text of its own (DatabaseOutOfReachTest fails if a new version words it otherwise).
        if (cause instanceof JDBCException jdbc && jdbc.getMessage() != null
                && jdbc.getMessage().startsWith(UNABLE_TO_ACQUIRE)) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P01-57P03: the server shutting down or starting.
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }

    /**
     * Whether the database was there but every pooled connection was busy for longer than the pool waits,
     * as in a burst: an operator's remedy differs (a larger pool, more replicas), and so does what a
     * client is told.
     */
    public static boolean poolBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains(POOL_WAIT_RAN_OUT)) {
                return true;
            }
        }
        return false;
    }
}
