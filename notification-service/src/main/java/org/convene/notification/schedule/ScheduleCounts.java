package org.convene.notification.schedule;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.delivery.EmailKind;

/**
 * Counts the emails promised or taken back, per event and kind, in the transaction that did it (see
 * {@link EmailCounting}), and wakes the dispatcher for new ones.
 */
@ApplicationScoped
public class ScheduleCounts {

    private final EmailCounting counting;
    private final Event<EmailsPromised> promised;

    public ScheduleCounts(EmailCounting counting, Event<EmailsPromised> promised) {
        this.counting = counting;
        this.promised = promised;
    }

    /** Also tells this service's dispatcher, once the transaction commits, that there is more to send. */
    @Transactional(TxType.MANDATORY)
    public void changed(UUID eventId, EmailKind kind, int change) {
        if (change != 0) {
            counting.promised(eventId, kind, change);
        }
        if (change > 0) {
            promised.fire(new EmailsPromised(kind));
        }
    }

    /** For rows taken back, each given as {@code [event_id, kind]}: summed with the rest of the transaction. */
    @Transactional(TxType.MANDATORY)
    public void takenBack(List<?> rows) {
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counting.promised((UUID) columns[0], EmailKind.valueOf((String) columns[1]), -1);
        }
    }
}
