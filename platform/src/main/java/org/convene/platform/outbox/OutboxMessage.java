package org.convene.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A message written in the same transaction as the state change it reports, waiting for the relay.
 * The table comes from the shared migration in {@code db/outbox}.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Increasing in insertion order, which is the order the relay publishes in. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(name = "ce_id", nullable = false)
    public UUID ceId;

    @Column(name = "ce_type", nullable = false)
    public String ceType;

    @Column(name = "ce_source", nullable = false)
    public String ceSource;

    @Column(name = "ce_time", nullable = false)
    public Instant ceTime;

    @Column(nullable = false)
    public String payload;

    /** Fired inside the writing transaction; observed after commit to wake the relay. */
    public record Written(Long id) {
    }
}
