package org.convene.platform.transaction;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Work gathered over a transaction and done once, just before it commits: counts kept per event while a
 * batch is applied, written as one message or one row at the end rather than one per item. Never done
 * for a transaction that rolls back, so a batch that is applied again is counted once.
 *
 * <p>The work is an ordinary synchronization, not an interposed one: JTA runs those first, before
 * Hibernate's, which writes out the transaction's entities, then including whatever the work persisted.
 */
@ApplicationScoped
public class BeforeCommit {

    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry registry;

    public BeforeCommit(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        this.transactions = transactions;
        this.registry = registry;
    }

    /**
     * The current transaction's state under {@code key}, made by {@code start} when first asked for;
     * {@code finish} gets it once, before the transaction commits.
     */
    @Transactional(TxType.MANDATORY)
    public <T> T state(Object key, Supplier<T> start, Consumer<T> finish) {
        @SuppressWarnings("unchecked")
        T state = (T) registry.getResource(key);
        if (state != null) {
            return state;
        }
        T made = start.get();
        registry.putResource(key, made);
        try {
            transactions.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        finish.accept(made);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // The state goes with the transaction.
                }
            });
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("The transaction cannot take work before its commit", e);
        }
        return made;
    }
}
