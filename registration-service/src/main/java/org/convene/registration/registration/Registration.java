package org.convene.registration.registration;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.registration.RegistrationState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person's registration for one event. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String name;

    /** As typed (trimmed): the address we write to. */
    @Column(nullable = false)
    public String email;

    /** Recognises the same address typed differently; unique per event. */
    @Column(name = "email_normalised", nullable = false)
    public String emailNormalised;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationState state;

    @Column(nullable = false)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Registration findByAddress(UUID eventId, String emailNormalised) {
        return find("eventId = ?1 and emailNormalised = ?2", eventId, emailNormalised).firstResult();
    }
}
