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
import org.convene.contracts.cloudevents.MalformedMessageException;
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
        RegistrationChanged change;
        try {
            change = codec.read(MessageType.REGISTRATION_CHANGED, record).payload();
        } catch (MalformedMessageException e) {
            LOG.warnf("Skipping a malformed message on registrations (partition %d, offset %d): %s",
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (change.state() != RegistrationState.REGISTERED) {
            return;
        }
        if (!complete(change)) {
            LOG.warnf("Skipping an incomplete registration %s (partition %d, offset %d)", change.registrationId(),
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

    private static boolean complete(RegistrationChanged change) {
        return change.registrationId() != null && change.eventId() != null && change.name() != null
                && change.language() != null && change.email() != null && ADDRESS.matcher(change.email()).matches();
    }
}
