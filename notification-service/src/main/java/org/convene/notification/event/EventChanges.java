package org.convene.notification.event;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.notification.schedule.EmailSchedule;
import org.convene.notification.schedule.Reminders;

/**
 * What a newer snapshot of an event means for its registrants: a new time (an email, and the reminders
 * move), a cancellation (an email, and the reminders go), the recording (the follow-up).
 */
@ApplicationScoped
public class EventChanges {

    /** Everyone still on the list, waitlist included: they all want to know that the event moved or is off. */
    private static final RegistrationState[] NOT_CANCELLED = {
            RegistrationState.REGISTERED, RegistrationState.PROMOTED, RegistrationState.WAITLISTED };

    /** What the event was before the snapshot: only what a change is judged by. */
    public record Before(EventStatus status, Instant startsAt, String recordingUrl) {

        static Before of(KnownEvent event) {
            return new Before(event.status, event.startsAt, event.recordingUrl);
        }

        /**
         * The news a newer snapshot brings to everyone on the list: the event called off, moved (unless also
         * called off: the cancellation says all), or its recording out.
         */
        Set<EmailKind> news(EventStatus newStatus, Instant newStart, String newRecordingUrl) {
            Set<EmailKind> news = EnumSet.noneOf(EmailKind.class);
            if (newStatus == EventStatus.CANCELLED && status != EventStatus.CANCELLED) {
                news.add(EmailKind.EVENT_CANCELLED);
            }
            if (newStatus != EventStatus.CANCELLED && !newStart.equals(startsAt)) {
                news.add(EmailKind.RESCHEDULED);
            }
            if (newRecordingUrl != null && recordingUrl == null) {
                news.add(EmailKind.FOLLOW_UP);
            }
            return news;
        }
    }

    private final EmailSchedule schedule;
    private final Reminders reminders;

    public EventChanges(EmailSchedule schedule, Reminders reminders) {
        this.schedule = schedule;
        this.reminders = reminders;
    }

    /** @param before null when the event is new here (registrations that came first now get reminders) */
    @Transactional(TxType.MANDATORY)
    public void applied(Before before, KnownEvent event) {
        if (before != null) {
            Set<EmailKind> news = before.news(event.status, event.startsAt, event.recordingUrl);
            if (news.contains(EmailKind.EVENT_CANCELLED)) {
                schedule.withdrawPending(event.id, EmailKind.RESCHEDULED);
                schedule.toEveryone(EmailKind.EVENT_CANCELLED, event.id, null, NOT_CANCELLED);
            }
            if (news.contains(EmailKind.RESCHEDULED)) {
                // Only the latest time is news: a notice of an earlier move not sent yet is withdrawn.
                schedule.withdrawPending(event.id, EmailKind.RESCHEDULED);
                schedule.toEveryone(EmailKind.RESCHEDULED, event.id, String.valueOf(event.version), NOT_CANCELLED);
            }
            if (news.contains(EmailKind.FOLLOW_UP)) {
                schedule.toEveryone(EmailKind.FOLLOW_UP, event.id, null, NOT_CANCELLED);
            }
        }
        reminders.replan(event.id);
    }
}
