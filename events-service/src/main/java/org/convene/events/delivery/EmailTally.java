package org.convene.events.delivery;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.delivery.EmailKind;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Per event and kind of email, how many were promised and what became of them: counters added to in
 * place, so that an event with thousands of emails is still one row a kind. Nothing about anyone.
 */
@ApplicationScoped
public class EmailTally {

    private final EntityManager entityManager;

    public EmailTally(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Notes a message as counted; false if it was before. In the counting transaction, so that a
     * message is noted exactly when its count is kept.
     */
    @Transactional(TxType.MANDATORY)
    boolean firstTime(String messageId) {
        return entityManager.createNativeQuery("""
                insert into delivery_applied (message_id) values (?1) on conflict (message_id) do nothing""")
                .setParameter(1, messageId)
                .executeUpdate() == 1;
    }

    /** One upsert per event and kind: the counts only add (a taking back adds a negative promise). */
    @Transactional(TxType.MANDATORY)
    void add(EmailsCounted counted) {
        entityManager.createNativeQuery("""
                insert into email_tally (event_id, kind, promised, sent, failed, bounced, dropped, suppressed)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (event_id, kind) do update set
                    promised = email_tally.promised + excluded.promised, sent = email_tally.sent + excluded.sent,
                    failed = email_tally.failed + excluded.failed, bounced = email_tally.bounced + excluded.bounced,
                    dropped = email_tally.dropped + excluded.dropped,
                    suppressed = email_tally.suppressed + excluded.suppressed""")
                .setParameter(1, counted.eventId())
                .setParameter(2, counted.kind().name())
                .setParameter(3, counted.promised())
                .setParameter(4, counted.count(DeliveryOutcome.SENT))
                .setParameter(5, counted.count(DeliveryOutcome.FAILED))
                .setParameter(6, counted.count(DeliveryOutcome.BOUNCED))
                .setParameter(7, counted.count(DeliveryOutcome.DROPPED))
                .setParameter(8, counted.count(DeliveryOutcome.SUPPRESSED))
                .executeUpdate();
    }

    /**
     * For each of the events, its emails by kind in the kinds' order, in one query; kinds with nothing
     * to show (none promised, or all taken back), and events with none, are left out.
     */
    @SuppressWarnings("unchecked")
    public static Map<UUID, Map<EmailKind, EmailCounts>> countsFor(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of(); // no query: "in ()" is not SQL
        }
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select event_id, kind, promised, sent, failed, bounced, dropped, suppressed from email_tally
                where event_id in (:events)""")
                .setParameter("events", eventIds).getResultList();
        Map<UUID, Map<EmailKind, EmailCounts>> counts = new HashMap<>();
        for (Object[] row : rows) {
            EmailCounts kindCounts = EmailCounts.of(number(row[2]), number(row[3]), number(row[4]), number(row[5]),
                    number(row[6]), number(row[7]));
            if (kindCounts.any()) {
                counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(EmailKind.class))
                        .put(EmailKind.valueOf((String) row[1]), kindCounts);
            }
        }
        return counts;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
