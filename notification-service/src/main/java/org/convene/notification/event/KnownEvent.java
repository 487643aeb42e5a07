package org.convene.notification.event;

import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventStatus;
import org.convene.platform.event.EventReplica;

/** This service's copy of a public event: what its emails need to say about it. */
@Entity
@Table(name = "known_event")
public class KnownEvent extends EventReplica {

    /** The emails that speak of the event as still ahead: the confirmations, the new time, the reminders. */
    private static final Set<EmailKind> AHEAD = Set.of(EmailKind.CONFIRMATION, EmailKind.WAITLISTED,
            EmailKind.PROMOTED, EmailKind.RESCHEDULED, EmailKind.REMINDER);

    /**
     * The email a registrant should get, as the event now stands, in place of one of {@code kind} that
     * was promised: the same; for a cancelled event, the cancellation; for a completed one, the follow-up
     * if it has a recording, else nothing. A registration and the event's change travel on two topics,
     * in either order, so a confirmation may fall due after the cancellation went to everyone else:
     * whatever the order, the registrant hears what is true when the email is written.
     */
    public Optional<EmailKind> emailInsteadOf(EmailKind kind) {
        if (!AHEAD.contains(kind)) {
            return Optional.of(kind);
        }
        if (status == EventStatus.CANCELLED) {
            return Optional.of(EmailKind.EVENT_CANCELLED);
        }
        if (status == EventStatus.COMPLETED) {
            return recordingUrl == null ? Optional.empty() : Optional.of(EmailKind.FOLLOW_UP);
        }
        return Optional.of(kind);
    }
}
