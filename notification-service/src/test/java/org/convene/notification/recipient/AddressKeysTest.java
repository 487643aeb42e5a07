package org.convene.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.convene.notification.unsubscribe.Unsubscriptions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Suppressed addresses are kept as keyed hashes: the table says whether an address is suppressed, not which. */
@QuarkusTest
class AddressKeysTest {

    @Inject
    AddressKeys addressKeys;

    @Inject
    Unsubscriptions unsubscriptions;

    @Inject
    EntityManager entityManager;

    @Test
    void anUnsubscribeKeepsTheKeyOfTheAddressAndNotTheAddress() {
        String address = "Quispe." + UUID.randomUUID() + "@Example.org";
        UUID registration = recipient(address, addressKeys.of(address));

        assertThat(unsubscriptions.everywhere(registration)).isTrue();

        List<Object[]> rows = suppressed(addressKeys.of(address.toLowerCase()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).as("the address").isNull();
        assertThat((String) rows.get(0)[1]).doesNotContain("@").doesNotContain("quispe").doesNotContainIgnoringCase("example");
    }

    @Test
    void rowsOfBeforeGetTheirKeysAtStartAndLoseTheirAddresses() {
        String address = "old." + UUID.randomUUID() + "@example.org";
        UUID registration = recipient(address, null);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into suppressed_address (email, reason, created_at) values (?1, 'UNSUBSCRIBED', now())")
                .setParameter(1, address).executeUpdate());

        addressKeys.keyOlderRows(null);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Recipient.<Recipient> findById(registration).addressKey))
                .isEqualTo(addressKeys.of(address));
        List<Object[]> rows = suppressed(addressKeys.of(address));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from suppressed_address where email = ?1").setParameter(1, address)
                .getSingleResult())).isEqualTo(0L);
    }

    private UUID recipient(String address, String key) {
        UUID registration = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into recipient (registration_id, event_id, state, name, email, address_key, language, updated_at)
                values (?1, ?2, 'REGISTERED', 'Ana Quispe', ?3, ?4, 'en', ?5)""")
                .setParameter(1, registration).setParameter(2, UUID.randomUUID()).setParameter(3, address)
                .setParameter(4, key).setParameter(5, OffsetDateTime.now()).executeUpdate());
        return registration;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> suppressed(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select email, address_key from suppressed_address where address_key = ?1")
                .setParameter(1, key).getResultList());
    }
}
