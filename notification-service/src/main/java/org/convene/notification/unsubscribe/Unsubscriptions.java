package org.convene.notification.unsubscribe;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.notification.recipient.AddressKeys;
import org.convene.notification.recipient.Recipient;

/**
 * Records a registrant's wish for fewer emails: from one event (its reminders and follow-up), or from
 * every event (the address's reminders and follow-ups everywhere). Neither stops the confirmation of a
 * registration the person makes later: registering is asking for that event's emails again.
 */
@ApplicationScoped
public class Unsubscriptions {

    private final EntityManager entityManager;
    private final AddressKeys addressKeys;
    private final Clock clock;

    public Unsubscriptions(EntityManager entityManager, AddressKeys addressKeys, Clock clock) {
        this.entityManager = entityManager;
        this.addressKeys = addressKeys;
        this.clock = clock;
    }

    /** Says whether the registrant is known here (an erased one is not). */
    @Transactional
    public boolean fromEvent(UUID registrationId) {
        Recipient recipient = Recipient.findById(registrationId);
        if (recipient == null) {
            return false;
        }
        recipient.unsubscribed = true;
        return true;
    }

    /** Says whether the registrant is known here (an erased one is not). */
    @Transactional
    public boolean everywhere(UUID registrationId) {
        Recipient recipient = Recipient.findById(registrationId);
        if (recipient == null) {
            return false;
        }
        recipient.unsubscribed = true;
        // A bounced address stays bounced: it gets nothing at all.
        entityManager.createNativeQuery("""
                insert into suppressed_address (address_key, reason, created_at) values (:key, 'UNSUBSCRIBED', :now)
                on conflict (address_key) do nothing""")
                .setParameter("key", addressKeys.of(recipient.email))
                .setParameter("now", clock.instant())
                .executeUpdate();
        return true;
    }

    /** A new registration by this person: they want its emails, whatever they said before. */
    @Transactional(TxType.MANDATORY)
    public void lift(Recipient recipient) {
        recipient.unsubscribed = false;
        entityManager.createNativeQuery("""
                delete from suppressed_address where address_key = :key and reason = 'UNSUBSCRIBED'""")
                .setParameter("key", addressKeys.of(recipient.email))
                .executeUpdate();
    }
}
