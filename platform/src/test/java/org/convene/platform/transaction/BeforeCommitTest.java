package org.convene.platform.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;

/** Work gathered over a transaction is done once as it commits, and never when it rolls back. */
@Tag("unit")
class BeforeCommitTest {

    private final TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final BeforeCommit beforeCommit = new BeforeCommit(transactions,
            new TransactionSynchronizationRegistryImple());
    private final List<List<String>> done = new ArrayList<>();

    private void note(String item) {
        beforeCommit.<List<String>> state(BeforeCommitTest.class, ArrayList::new, done::add).add(item);
    }

    @Test
    void whatATransactionGathersIsDoneOnceAsItCommits() throws Exception {
        transactions.begin();
        note("a");
        note("b");
        assertThat(done).as("nothing before the commit").isEmpty();
        transactions.commit();

        assertThat(done).containsExactly(List.of("a", "b"));
    }

    @Test
    void eachTransactionHasItsOwn() throws Exception {
        transactions.begin();
        note("first");
        transactions.commit();
        transactions.begin();
        note("second");
        transactions.commit();

        assertThat(done).containsExactly(List.of("first"), List.of("second"));
    }

    @Test
    void aTransactionThatRollsBackDoesNothing() throws Exception {
        transactions.begin();
        note("rolled back");
        transactions.rollback();

        transactions.begin();
        note("marked");
        transactions.setRollbackOnly();
        assertThatThrownBy(transactions::commit).isInstanceOf(RollbackException.class);

        assertThat(done).isEmpty();
    }

    @Test
    void workThatFailsRollsTheTransactionBack() throws Exception {
        transactions.begin();
        beforeCommit.state("failing", Object::new, state -> {
            throw new IllegalStateException("the database refused it");
        });
        assertThatThrownBy(transactions::commit).isInstanceOf(RollbackException.class);
    }
}
