package org.convene.registration.catalogue;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MalformedMessageException;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.event.EventSnapshot;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the catalogue in step with the {@code events} topic. Applying is idempotent: a snapshot
 * counts only if its version is higher than the stored one, so redelivery changes nothing.
 */
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
            // A tombstone: deleted events leave the catalogue in a later issue.
            return;
        }
        EventSnapshot snapshot;
        try {
            snapshot = complete(codec.read(MessageType.EVENT_SNAPSHOT, record).payload());
        } catch (MalformedMessageException e) {
            // One bad message must not stop the catalogue: say where it is and move on.
            LOG.warnf("Skipping malformed message on %s-%d at offset %d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        CatalogueEvent stored = CatalogueEvent.findById(snapshot.id());
        if (stored == null) {
            CatalogueEvent.of(snapshot).persist();
        } else if (snapshot.version() > stored.version) {
            stored.update(snapshot);
        }
    }

    /** Readable JSON can still lack what the table needs; such a message is malformed too. */
    private static EventSnapshot complete(EventSnapshot s) {
        if (s.id() == null || s.status() == null || s.title() == null || s.startsAt() == null
                || s.timeZone() == null || s.durationMinutes() <= 0 || s.joinUrl() == null) {
            throw new MalformedMessageException("snapshot lacks a required field");
        }
        try {
            ZoneId.of(s.timeZone());
        } catch (DateTimeException e) {
            throw new MalformedMessageException("snapshot has an unknown time zone");
        }
        return s;
    }
}
