package org.convene.notification.event;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MalformedMessageException;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.event.EventSnapshot;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps {@link KnownEvent} in step with the events topic, applying only newer snapshots. */
@ApplicationScoped
public class EventSnapshotConsumer {

    private static final Logger LOG = Logger.getLogger(EventSnapshotConsumer.class);

    private final MessageCodec codec;

    public EventSnapshotConsumer(MessageCodec codec) {
        this.codec = codec;
    }

    @Incoming("events")
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone (the event was deleted): nothing to apply; a cancellation arrives as a snapshot.
            return;
        }
        EventSnapshot snapshot;
        try {
            snapshot = codec.read(MessageType.EVENT_SNAPSHOT, record).payload();
        } catch (MalformedMessageException e) {
            LOG.warnf("Skipping a malformed message on events (partition %d, offset %d): %s",
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (!usable(snapshot)) {
            LOG.warnf("Skipping an incomplete event snapshot (partition %d, offset %d)", record.partition(),
                    record.offset());
            return;
        }
        KnownEvent known = KnownEvent.findById(snapshot.id(), LockModeType.PESSIMISTIC_WRITE);
        if (known == null) {
            known = new KnownEvent();
            known.id = snapshot.id();
            known.copy(snapshot);
            known.persist();
        } else if (snapshot.version() > known.version) {
            known.copy(snapshot);
        }
    }

    /** A snapshot that passed the codec may still lack a field; storing it would stop the consumer. */
    private static boolean usable(EventSnapshot snapshot) {
        if (snapshot.id() == null || snapshot.status() == null || snapshot.title() == null
                || snapshot.startsAt() == null || snapshot.timeZone() == null || snapshot.joinUrl() == null) {
            return false;
        }
        try {
            ZoneId.of(snapshot.timeZone());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
