package org.convene.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.MessageCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes an outgoing message into the caller's transaction, so that the message exists if and only
 * if the state change it reports was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final MessageCodec codec;
    private final Event<OutboxMessage.Written> written;
    private final String source;
    private final Clock clock;

    public Outbox(MessageCodec codec, Event<OutboxMessage.Written> written,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.codec = codec;
        this.written = written;
        this.source = "/" + applicationName;
        this.clock = clock;
    }

    /** Refuses to run outside a transaction: a message without its state change is a lie. */
    @Transactional(TxType.MANDATORY)
    public <T> void publish(MessageType<T> type, String key, T payload) {
        OutboxMessage message = new OutboxMessage();
        message.topic = type.topic();
        message.key = key;
        message.ceId = UUID.randomUUID();
        message.ceType = type.ceType();
        message.ceSource = source;
        message.ceTime = Instant.now(clock);
        message.payload = codec.write(payload);
        message.persist();
        written.fire(new OutboxMessage.Written(message.id));
    }
}
