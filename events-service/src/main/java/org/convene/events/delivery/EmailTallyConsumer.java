package org.convene.events.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailsScheduled;
import org.convene.platform.consumer.ConsumedMessages;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Counts the emails on {@code deliveries}: those promised and taken back, and each one's outcome.
 * The counters only add, so a redelivered message would count twice: each is counted once, by its
 * CloudEvents id, noted in the transaction that counts it.
 */
@ApplicationScoped
public class EmailTallyConsumer {

    private final ConsumedMessages messages;
    private final EmailTally tally;

    public EmailTallyConsumer(ConsumedMessages messages, EmailTally tally) {
        this.messages = messages;
        this.tally = tally;
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
            switch (received.payload()) {
                case EmailsScheduled scheduled -> tally.promised(scheduled.eventId(), scheduled.kind(),
                        scheduled.change());
                case DeliveryRecorded delivery -> tally.outcome(delivery.eventId(), delivery.kind(),
                        delivery.outcome());
            }
        });
    }
}
