package org.convene.events.organiser;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.platform.problem.ProblemException;

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

    /** ASVS 2.1.1 and 2.1.2: at least 12 characters, up to 128, and no rules on which ones. */
    static final int SHORTEST_PASSWORD = 12;
    static final int LONGEST_PASSWORD = 128;

    /**
     * Takes a new password once the current one is given: a token left open on a shared computer must
     * not be enough to take the account over.
     *
     * @throws ProblemException invalid-input naming {@code currentPassword} or {@code newPassword}
     */
    void changePassword(String current, String next) {
        if (current == null || !BcryptUtil.matches(current, passwordHash)) {
            throw ProblemException.invalidField("currentPassword", "is not your current password");
        }
        int length = next == null ? 0 : next.codePointCount(0, next.length());
        if (length < SHORTEST_PASSWORD || length > LONGEST_PASSWORD) {
            throw ProblemException.invalidField("newPassword",
                    "must have " + SHORTEST_PASSWORD + " to " + LONGEST_PASSWORD + " characters");
        }
        if (next.equals(current)) {
            throw ProblemException.invalidField("newPassword", "must not be your current password");
        }
        passwordHash = BcryptUtil.bcryptHash(next);
    }

    static Organiser findByEmail(String email) {
        return find("email", normalise(email)).firstResult();
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
