package org.convene.events.delivery;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailCountChanges;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.delivery.EmailsScheduled;
import org.convene.platform.consumer.ConsumedMessages;
import org.convene.platform.transaction.BeforeCommit;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Counts the emails on {@code deliveries}: those promised and taken back, and each one's outcome.
 * A poll's messages are summed per event and kind and written as the poll's transaction commits, one
 * upsert each. The counters only add, so a redelivered message would count twice: each is counted
 * once, by its CloudEvents id, noted in the transaction that counts it.
 */
@ApplicationScoped
public class EmailTallyConsumer {

    private final ConsumedMessages messages;
    private final EmailTally tally;
    private final BeforeCommit beforeCommit;
    private final Clock clock;

    public EmailTallyConsumer(ConsumedMessages messages, EmailTally tally, BeforeCommit beforeCommit, Clock clock) {
        this.messages = messages;
        this.tally = tally;
        this.beforeCommit = beforeCommit;
        this.clock = clock;
    }

    /** A poll at a time, in one transaction (see {@link ConsumedMessages#applyAll}). */
    @Incoming("deliveries")
    @Blocking
    public void applyAll(ConsumerRecords<String, String> records) {
        messages.applyAll(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        messages.readAny(MessageType.DELIVERY_MESSAGES, record).ifPresent(received -> {
            if (!tally.firstTime(received.attributes().id())) {
                return;
            }
            EmailCountChanges poll = beforeCommit.state(EmailTallyConsumer.class, EmailCountChanges::new,
                    changes -> changes.sums(clock.instant()).forEach(tally::add));
            switch (received.payload()) {
                case EmailsCounted counted -> poll.add(counted);
                case EmailsScheduled scheduled -> poll.promised(scheduled.eventId(), scheduled.kind(),
                        scheduled.change());
                case DeliveryRecorded delivery -> poll.outcome(delivery.eventId(), delivery.kind(),
                        delivery.outcome());
            }
        });
    }
}
