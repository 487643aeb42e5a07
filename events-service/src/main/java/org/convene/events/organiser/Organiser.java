package org.convene.events.organiser;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone who may sign in to the back office. */
@Entity
@Table(name = "organiser")
public class Organiser extends PanacheEntityBase {

    /** The role every organiser endpoint of every service requires. */
    public static final String ROLE = "organiser";

    @Id
    public UUID id;

    /** Lower-cased: an address is one account however it is typed. */
    @Column(nullable = false, unique = true)
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Organiser create(String email, String name, String password, Instant now) {
        Organiser organiser = new Organiser();
        organiser.id = UUID.randomUUID();
        organiser.email = normalise(email);
        organiser.name = name;
        organiser.passwordHash = BcryptUtil.bcryptHash(password);
        organiser.createdAt = now;
        return organiser;
    }

    static Organiser findByEmail(String email) {
        return find("email", normalise(email)).firstResult();
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
