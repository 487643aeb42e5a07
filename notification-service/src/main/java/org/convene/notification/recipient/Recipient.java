package org.convene.notification.recipient;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.convene.contracts.registration.RegistrationState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A registrant as the {@code registrations} topic last described them: whom to write to, in which
 * language and time zone, and where they stand (registered, waitlisted, promoted or cancelled).
 */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    /** Read once: {@link ZoneId#getAvailableZoneIds} copies the JVM's ~600 ids on every call. */
    private static final Set<String> KNOWN_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** Never ATTENDED or ERASED: attendance is {@link #attended}, an erased recipient has no row. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationState state;

    @Column(nullable = false)
    public boolean attended;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    /** The key of the address ({@link AddressKeys}), to compare with the suppressed addresses'. */
    @Column(name = "address_key")
    public String addressKey;

    /** An ISO 639-1 code: "en" or "es". */
    @Column(nullable = false)
    public String language;

    /** The registrant's IANA zone; null when they gave none, and then the event's zone is theirs. */
    @Column(name = "time_zone")
    public String timeZone;

    /** Their signed link to cancel, made by registration-service; null in messages older than it. */
    @Column(name = "cancel_url")
    public String cancelUrl;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Their own joining link, which records attendance; null in messages older than it. */
    @Column(name = "join_url")
    public String joinUrl;

    /** Asked for no more reminders or follow-ups about this event. */
    @Column(nullable = false)
    public boolean unsubscribed;

    public Locale locale() {
        return "es".equals(language) ? Locale.forLanguageTag("es") : Locale.UK;
    }

    /** Their zone, or {@code eventZone} if they gave none or one this JVM does not know. */
    public ZoneId zone(ZoneId eventZone) {
        if (timeZone == null || !KNOWN_ZONES.contains(timeZone)) {
            return eventZone;
        }
        return ZoneId.of(timeZone);
    }

    /** The link they join by: their own, or the event's for a registration older than personal links. */
    public String joinUrl(String eventJoinUrl) {
        return joinUrl != null ? joinUrl : eventJoinUrl;
    }

    /**
     * The organiser who asked for a test of their message: written to like a registrant, never stored
     * as one (so never counted among the registrants).
     */
    public static Recipient organiserTest(UUID sendId, UUID eventId, String email) {
        Recipient organiser = new Recipient();
        organiser.registrationId = sendId;
        organiser.eventId = eventId;
        organiser.state = RegistrationState.REGISTERED;
        organiser.name = email;
        organiser.email = email;
        organiser.language = "en";
        return organiser;
    }

    /** Waiting for a place: no joining link or calendar entry until one is theirs. */
    public boolean onWaitlist() {
        return state == RegistrationState.WAITLISTED;
    }
}
