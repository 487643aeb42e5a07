package org.convene.registration.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.convene.contracts.registration.RegistrationState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person's registration for one event. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    /** The states that hold one of the event's places. */
    public static final Set<RegistrationState> HOLDING_A_PLACE = EnumSet.of(RegistrationState.REGISTERED,
            RegistrationState.PROMOTED, RegistrationState.ATTENDED);

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

    /** ISO 3166-1 alpha-2, or null when not given. */
    public String country;

    /** The person's own organisation, or null when not given. */
    public String organisation;

    /** The person's IANA time zone: their emails give the time in it. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationState state;

    /** When it entered its state: the waitlist is served first come, first served. */
    @Column(name = "state_since", nullable = false)
    public Instant stateSince;

    /** How many times the person asked to be registered; each time, the confirmation goes out again. */
    @Column(name = "confirmation_requests", nullable = false)
    public int confirmationRequests;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the person first came in through their joining link; null until then. Beside the state, not one. */
    @Column(name = "attended_at")
    public Instant attendedAt;

    @ElementCollection
    @CollectionTable(name = "registration_consent", joinColumns = @JoinColumn(name = "registration_id"))
    public List<ConsentAnswer> consents = new ArrayList<>();

    /** An event's registrations with their consent answers, in the order they came. */
    public static List<Registration> ofEvent(UUID eventId) {
        return find("select distinct r from Registration r left join fetch r.consents where r.eventId = ?1 "
                + "order by r.createdAt, r.id", eventId).list();
    }

    /** Every registration of one person, across events, with their consent answers. */
    public static List<Registration> ofAddress(String emailNormalised) {
        return find("select distinct r from Registration r left join fetch r.consents where r.emailNormalised = ?1 "
                + "order by r.createdAt, r.id", emailNormalised).list();
    }

    static Registration findByAddress(UUID eventId, String emailNormalised) {
        return find("eventId = ?1 and emailNormalised = ?2", eventId, emailNormalised).firstResult();
    }

    /** Whether it holds one of the event's places, which goes to the waitlist when it is given up. */
    public boolean holdsAPlace() {
        return HOLDING_A_PLACE.contains(state);
    }

    /** Whether this person waits for, or holds, a place: registering again changes nothing of that. */
    boolean isActive() {
        return holdsAPlace() || state == RegistrationState.WAITLISTED;
    }

    void moveTo(RegistrationState next, Instant at) {
        state = next;
        stateSince = at;
    }

    /** What the person said on the form, taken as they said it this time. */
    void takeAnswers(RegistrationForm form, String zone, List<ConsentAnswer> answers) {
        name = form.name();
        email = form.email();
        emailNormalised = form.normalisedEmail();
        country = form.country();
        organisation = form.organisation();
        timeZone = zone;
        language = form.language();
        consents.clear();
        consents.addAll(answers);
    }
}
