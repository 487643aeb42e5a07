package org.convene.notification.recipient;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.registration.RegistrationErased;
import org.convene.notification.schedule.ScheduleCounts;

/**
 * Forgets a registrant who asked registration-service to erase them: every email of theirs, sent or
 * pending, goes with their name and address; only the registration's id stays, so that nothing about
 * it is ever scheduled again.
 */
@ApplicationScoped
public class RegistrationEraser {

    private final EntityManager entityManager;
    private final ScheduleCounts counts;
    private final Clock clock;

    public RegistrationEraser(EntityManager entityManager, ScheduleCounts counts, Clock clock) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void erase(RegistrationErased erased) {
        entityManager.createNativeQuery("""
                insert into erased_registration (registration_id, erased_at) values (:id, :now)
                on conflict (registration_id) do nothing""")
                .setParameter("id", erased.registrationId()).setParameter("now", clock.instant()).executeUpdate();
        // Sent ones were counted as sent; only those still to send are taken back.
        counts.takenBack(entityManager.createNativeQuery("""
                delete from scheduled_email where registration_id = :id
                returning event_id, kind, status""")
                .setParameter("id", erased.registrationId()).getResultList().stream()
                .filter(row -> "PENDING".equals(((Object[]) row)[2]) || "SENDING".equals(((Object[]) row)[2]))
                .toList());
        entityManager.createNativeQuery("delete from recipient where registration_id = :id")
                .setParameter("id", erased.registrationId()).executeUpdate();
    }
}
