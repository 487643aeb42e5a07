package org.convene.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.jboss.logging.Logger;

/**
 * Turns each new registration into one pending confirmation. The idempotency key makes a redelivered
 * or repeated message insert nothing, so the registrant still gets exactly one confirmation per request;
 * an erased registration gets none.
 */
@ApplicationScoped
public class ConfirmationScheduler {

    private static final Logger LOG = Logger.getLogger(ConfirmationScheduler.class);
    /** One address and nothing else: no spaces, control characters or list separators. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}<>,;\"@]+@[^\\s\\p{Cntrl}<>,;\"@]+");

    private final EntityManager entityManager;
    private final Clock clock;

    public ConfirmationScheduler(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * One confirmation per request for one: registering again asks for it again (a higher
     * {@code confirmationRequest}), while a redelivered message repeats its number and so its key. The
     * first request keeps the key it always had, so rows written before the number existed still match.
     */
    static String idempotencyKey(RegistrationChanged change) {
        int request = change.confirmationRequest();
        return "confirmation/" + change.registrationId() + (request == 1 ? "" : "/" + request);
    }

    /** {@code record} says where the change was read, for the log when it cannot be used. */
    @Transactional(TxType.MANDATORY)
    public void schedule(RegistrationChanged change, ConsumerRecord<String, String> record) {
        if (change.state() != RegistrationState.REGISTERED) {
            return;
        }
        if (!ADDRESS.matcher(change.email()).matches()) {
            LOG.warnf("Skipping registration %s: its address is not one address (partition %d, offset %d)",
                    change.registrationId(),
                    record.partition(), record.offset());
            return;
        }
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                insert into scheduled_email (id, idempotency_key, kind, registration_id, event_id, recipient_name,
                        recipient_email, language, status, attempts, due_at, created_at)
                select :id, :key, 'CONFIRMATION', :registrationId, :eventId, :name, :email, :language, 'PENDING', 0,
                        :now, :now
                where not exists (select 1 from erased_registration where registration_id = :registrationId)
                on conflict (idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", idempotencyKey(change))
                .setParameter("registrationId", change.registrationId())
                .setParameter("eventId", change.eventId())
                .setParameter("name", change.name())
                .setParameter("email", change.email())
                .setParameter("language", change.language())
                .setParameter("now", now)
                .executeUpdate();
    }
}
