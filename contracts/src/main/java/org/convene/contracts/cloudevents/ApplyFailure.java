package org.convene.contracts.cloudevents;

import java.sql.SQLException;
import java.time.DateTimeException;

import org.convene.contracts.problem.FailureText;

/**
 * Why applying a consumed message failed: because of the message itself, which no retry will change,
 * or for a reason that may pass (the database or the broker away, a deadlock, a pool exhausted).
 * Only the first may set a message aside: a message is never lost to an outage.
 */
enum ApplyFailure {

    /** The message breaks a rule of the data: PostgreSQL refused its values, or a check in the code did. */
    THE_MESSAGES,
    /** Anything else: retried until it passes. */
    MAY_PASS;

    static ApplyFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return refusedValues(sql) ? THE_MESSAGES : MAY_PASS;
            }
            if (cause instanceof jakarta.validation.ConstraintViolationException
                    || cause instanceof DateTimeException) {
                return THE_MESSAGES;
            }
        }
        return MAY_PASS;
    }

    /**
     * SQLSTATE class 22 (data exception: a value out of range, a NUL byte, too long) or 23 (integrity
     * constraint violation): the same statement with the same values would fail again.
     */
    private static boolean refusedValues(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * What the dead-letter header and the log say: each cause's type and SQLSTATE, never the database's
     * message, which quotes the values (a name, an address).
     */
    static String reason(Throwable failure) {
        return (of(failure) == THE_MESSAGES ? "cannot be stored: " : "cannot be applied: ")
                + FailureText.withoutValues(failure);
    }
}
