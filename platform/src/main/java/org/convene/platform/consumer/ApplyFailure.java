package org.convene.platform.consumer;

import java.sql.SQLException;
import java.time.DateTimeException;

import org.apache.kafka.common.KafkaException;
import org.convene.platform.problem.DatabaseAway;
import org.convene.platform.problem.FailureText;

/**
 * Why applying a consumed message failed: because of the message itself, which no retry will change;
 * for a reason that may pass (the database or the broker away, a deadlock, a pool exhausted), which is
 * waited out however long it lasts, so that no message is lost to an outage; or for a reason no one
 * foresaw (a bug, such as a NullPointerException), tried a few times and then dead-lettered, so that one
 * message cannot stall its partition for good.
 */
enum ApplyFailure {

    /** The message breaks a rule of the data: PostgreSQL refused its values, or a check in the code did. */
    THE_MESSAGES,
    /** The database or the broker, not the message: retried until it passes. */
    MAY_PASS,
    /** Neither: retried a few times, then dead-lettered with its reason. */
    UNFORESEEN;

    static ApplyFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && refusedValues(sql)
                    || cause instanceof jakarta.validation.ConstraintViolationException
                    || cause instanceof DateTimeException) {
                return THE_MESSAGES;
            }
        }
        if (DatabaseAway.causedBy(failure)) {
            return MAY_PASS;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Any other word from the database (a deadlock, a timeout, a schema a migration has yet to
            // bring) is the database's; so is whatever the transaction manager or a Kafka client says.
            if (cause instanceof SQLException || cause instanceof KafkaException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.transaction.RollbackException
                    || cause instanceof jakarta.transaction.SystemException
                    || cause instanceof jakarta.transaction.HeuristicMixedException
                    || cause instanceof jakarta.transaction.HeuristicRollbackException) {
                return MAY_PASS;
            }
        }
        return UNFORESEEN;
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
        return switch (of(failure)) {
            case THE_MESSAGES -> "cannot be stored: ";
            case MAY_PASS -> "cannot be applied now: ";
            case UNFORESEEN -> "failed unforeseen: ";
        } + FailureText.withoutValues(failure);
    }
}
