package org.convene.notification.schedule;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.delivery.EmailsScheduled;
import org.convene.platform.outbox.Outbox;

/**
 * Tells {@code deliveries} how many emails were promised or taken back, per event and kind, in the
 * transaction that did it: with the outcomes, events-service knows how many are still pending
 * without ever learning who they are for.
 */
@ApplicationScoped
public class ScheduleCounts {

    private final Outbox outbox;
    private final Event<EmailsPromised> promised;
    private final Clock clock;

    public ScheduleCounts(Outbox outbox, Event<EmailsPromised> promised, Clock clock) {
        this.outbox = outbox;
        this.promised = promised;
        this.clock = clock;
    }

    /** Also tells this service's dispatcher, once the transaction commits, that there is more to send. */
    @Transactional(TxType.MANDATORY)
    public void changed(UUID eventId, EmailKind kind, int change) {
        if (change != 0) {
            outbox.publish(MessageType.EMAILS_SCHEDULED, eventId.toString(),
                    new EmailsScheduled(eventId, kind, change, clock.instant()));
        }
        if (change > 0) {
            promised.fire(new EmailsPromised(kind));
        }
    }

    /** For rows taken back, each given as {@code [event_id, kind]}: one negative change per event and kind. */
    @Transactional(TxType.MANDATORY)
    public void takenBack(List<?> rows) {
        Map<Map.Entry<UUID, EmailKind>, Integer> counts = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.merge(Map.entry((UUID) columns[0], EmailKind.valueOf((String) columns[1])), 1, Integer::sum);
        }
        counts.forEach((key, count) -> changed(key.getKey(), key.getValue(), -count));
    }
}
