package org.convene.notification.recipient;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.convene.platform.signing.Signer;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The key an address is known by where it need not be read: an HMAC of the lower-cased address under
 * this service's secret. Suppressed addresses are kept by their key alone, so that a copy of the table
 * (a backup, a dump) says nothing about who unsubscribed or bounced; recipients carry theirs, to be
 * compared with it.
 */
@ApplicationScoped
public class AddressKeys {

    private static final Logger LOG = Logger.getLogger(AddressKeys.class);
    private static final String PURPOSE = "suppressed-address";
    private static final int BATCH = 500;

    private final Signer signer;
    private final EntityManager entityManager;

    public AddressKeys(Signer signer, EntityManager entityManager) {
        this.signer = signer;
        this.entityManager = entityManager;
    }

    /** The key of {@code address}, whatever its capitals. */
    public String of(String address) {
        return signer.sign(PURPOSE, address.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Gives the rows of before keyed hashes their keys, and blanks the suppressed addresses: at each start,
     * in batches, doing nothing once done (V9 indexes the rows still without a key, so that is a lookup).
     * Replicas starting together compute the same keys.
     */
    void keyOlderRows(@Observes StartupEvent start) {
        int keyed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> keyBatch(
                    "select registration_id, email from recipient where address_key is null limit " + BATCH,
                    "update recipient set address_key = ?2 where registration_id = ?1 and address_key is null"));
            keyed += batch;
        } while (batch == BATCH);
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> keyBatch(
                    "select email, email from suppressed_address where address_key is null limit " + BATCH,
                    "update suppressed_address set address_key = ?2, email = null where email = ?1"));
            keyed += batch;
        } while (batch == BATCH);
        if (keyed > 0) {
            LOG.infof("Gave %d recipients and suppressed addresses their keys", keyed);
        }
    }

    private int keyBatch(String select, String update) {
        List<?> rows = entityManager.createNativeQuery(select).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            entityManager.createNativeQuery(update).setParameter(1, columns[0]).setParameter(2, of((String) columns[1]))
                    .executeUpdate();
        }
        return rows.size();
    }
}
