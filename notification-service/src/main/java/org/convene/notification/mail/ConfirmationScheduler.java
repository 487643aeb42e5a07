package org.convene.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Turns each new registration into one pending confirmation. The idempotency key makes a redelivered
 * or repeated message insert nothing, so the registrant still gets exactly one confirmation.
 */
@ApplicationScoped
public class ConfirmationScheduler {

    private static final Logger LOG = Logger.getLogger(ConfirmationScheduler.class);
    /** One address and nothing else: no spaces, control characters or list separators. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}<>,;\"@]+@[^\\s\\p{Cntrl}<>,;\"@]+");

    private final MessageCodec codec;
    private final EntityManager entityManager;
    private final Clock clock;

    public ConfirmationScheduler(MessageCodec codec, EntityManager entityManager, Clock clock) {
        this.codec = codec;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Incoming("registrations")
    @Blocking
    @Transactional
    public void schedule(ConsumerRecord<String, String> record) {
        RegistrationChanged change = codec.readOrSkip(MessageType.REGISTRATION_CHANGED, record)
                .map(MessageCodec.Received::payload).orElse(null);
        if (change == null || change.state() != RegistrationState.REGISTERED) {
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
                values (:id, :key, 'CONFIRMATION', :registrationId, :eventId, :name, :email, :language, 'PENDING', 0,
                        :now, :now)
                on conflict (idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", "confirmation/" + change.registrationId())
                .setParameter("registrationId", change.registrationId())
                .setParameter("eventId", change.eventId())
                .setParameter("name", change.name())
                .setParameter("email", change.email())
                .setParameter("language", change.language())
                .setParameter("now", now)
                .executeUpdate();
    }
}
