package org.convene.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the API's database failures put in the log, and how they are told apart. */
@Tag("unit")
class DatabaseFailureLogTest {

    @Test
    void aRefusalIsLoggedWithItsConstraintAndStateButNotTheValuesPostgresqlNamed() {
        SQLException refused = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"registration_event_email\"\n"
                        + "  Detail: Key (event_id, email)=(42, hana.condori@example.org) already exists.",
                "23505");
        var failure = new ConstraintViolationException("could not execute statement", refused,
                "insert into registration values (?, ?)", "registration_event_email");

        String logged = FailureText.withoutValues(failure);

        assertThat(logged).contains("ConstraintViolationException constraint registration_event_email")
                .contains("SQLSTATE 23505")
                .doesNotContain("hana.condori").doesNotContain("insert into");
        assertThat(DatabaseAway.causedBy(failure)).isFalse();
    }

    @Test
    void noConnectionToBeHadAndALostConnectionAreTheDatabaseOutOfReach() {
        var poolWaitRanOut = new GenericJDBCException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
                new SQLException("Sorry, acquisition timeout!"));
        var refused = new GenericJDBCException("could not execute query",
                new SQLException("Connection to localhost:5432 refused", "08001"));
        var shuttingDown = new GenericJDBCException("could not execute query",
                new SQLException("terminating connection due to administrator command", "57P01"));
        var syntax = new GenericJDBCException("could not execute query", new SQLException("syntax error", "42601"));

        assertThat(DatabaseAway.causedBy(poolWaitRanOut)).isTrue();
        assertThat(DatabaseAway.causedBy(refused)).isTrue();
        assertThat(DatabaseAway.causedBy(shuttingDown)).isTrue();
        assertThat(DatabaseAway.causedBy(syntax)).isFalse();
        // A commit the server cut off: the transaction manager's RollbackException carries the driver's
        // error only as a suppressed exception of the XA resource's.
        var commitCutOff = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        var xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commitCutOff.addSuppressed(xa);
        assertThat(DatabaseAway.causedBy(new RuntimeException("could not commit", commitCutOff))).isTrue();
        var refusedCommit = new jakarta.transaction.RollbackException("rolled back");
        refusedCommit.addSuppressed(new SQLException("could not serialize access", "40001"));
        assertThat(DatabaseAway.causedBy(refusedCommit)).isFalse();
        // Told apart: a busy pool is a burst, not an outage.
        assertThat(DatabaseAway.poolBusy(poolWaitRanOut)).isTrue();
        assertThat(DatabaseAway.poolBusy(refused)).isFalse();
        assertThat(DatabaseAway.poolBusy(shuttingDown)).isFalse();
    }
}
