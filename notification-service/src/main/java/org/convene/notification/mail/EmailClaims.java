package org.convene.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.notification.event.KnownEvent;
import org.convene.notification.mailing.Mailing;
import org.convene.notification.recipient.Recipient;
import org.convene.notification.schedule.EmailSchedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.mail.MailMessage;

/**
 * Takes due emails off the schedule for one dispatcher, each in a short transaction of its own, so
 * that no lock and no database connection is held while the SMTP server is talked to.
 */
@ApplicationScoped
public class EmailClaims {

    /**
     * An email claimed to be sent now, already written. {@code claimedUntil} is this claim's mark:
     * only the dispatcher that holds it may record the outcome.
     */
    public record Claimed(UUID id, UUID registrationId, UUID eventId, EmailKind kind, Instant claimedUntil,
            MailMessage mail) {
    }

    private final EntityManager entityManager;
    private final EmailWriter writer;
    private final DeliveryRecorder recorder;
    private final EmailSchedule schedule;
    private final Clock clock;

    public EmailClaims(EntityManager entityManager, EmailWriter writer, DeliveryRecorder recorder,
            EmailSchedule schedule, Clock clock) {
        this.entityManager = entityManager;
        this.writer = writer;
        this.recorder = recorder;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * A reminder still to do when its event has started is not sent late: it is dropped, and the drop
     * recorded like any other outcome.
     */
    public void dropLateReminders() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            List<?> dropped = entityManager.createNativeQuery("""
                    update scheduled_email s set status = 'DROPPED', claimed_until = null
                    from known_event e
                    where e.id = s.event_id and s.kind = 'REMINDER' and e.starts_at <= :now
                      and ((s.status = 'PENDING' and s.due_at <= :now)
                           or (s.status = 'SENDING' and s.claimed_until < :now))
                    returning s.event_id""")
                    .setParameter("now", now)
                    .getResultList();
            for (Object eventId : dropped) {
                recorder.counted((UUID) eventId, EmailKind.REMINDER, DeliveryOutcome.DROPPED);
            }
        });
    }

    /**
     * Due emails the registrant or the address asked not to get are not sent: nothing at all to an
     * address that bounced; no reminders or follow-ups after an unsubscribe, from the event or from
     * everywhere. Each is recorded as suppressed.
     */
    public void suppressUnwanted() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> suppressed = entityManager.createNativeQuery("""
                    update scheduled_email s set status = 'SUPPRESSED'
                    from recipient r
                    where r.registration_id = s.registration_id and s.status = 'PENDING' and s.due_at <= :now
                      and (exists (select 1 from suppressed_address a
                                   where a.address_key = r.address_key and a.reason = 'BOUNCED')
                           or (s.kind in ('REMINDER', 'FOLLOW_UP', 'ORGANISER_MESSAGE')
                               and (r.unsubscribed or exists (select 1 from suppressed_address a
                                                              where a.address_key = r.address_key))))
                    returning s.event_id, s.kind""")
                    .setParameter("now", clock.instant())
                    .getResultList();
            for (Object row : suppressed) {
                Object[] columns = (Object[]) row;
                recorder.counted((UUID) columns[0], EmailKind.valueOf((String) columns[1]),
                        DeliveryOutcome.SUPPRESSED);
            }
        });
    }

    /** Only then is it worth asking the schedule (the question is per email, and reminders go by thousands). */
    private static boolean keepsJoinLinkForReminders(KnownEvent event, ScheduledEmail email) {
        return event.details != null && event.details.joinLinkInReminders() && email.kind != EmailKind.REMINDER;
    }

    /** Whether a reminder will still reach this registrant, and can bring the joining link instead. */
    private boolean hasReminderAhead(ScheduledEmail email) {
        return ScheduledEmail.count("registrationId = ?1 and kind = ?2 and status = ?3", email.registrationId,
                EmailKind.REMINDER, EmailStatus.PENDING) > 0;
    }

    /**
     * An email that no longer fits the event (a confirmation of an event cancelled meanwhile) is dropped,
     * and the one that fits is promised in its place, once: its idempotency key is the one the event's own
     * announcement to everyone used, so a registrant who got that gets nothing more.
     */
    private void supersede(ScheduledEmail email, Optional<EmailKind> instead) {
        email.status = EmailStatus.DROPPED;
        email.claimedUntil = null;
        recorder.counted(email.eventId, email.kind, DeliveryOutcome.DROPPED);
        instead.ifPresent(kind -> schedule.toOne(kind, email.registrationId, email.eventId, null));
    }

    /**
     * Claims up to {@code max} due emails (oldest first) until {@code lease} from now, and writes them.
     * Rows are taken with {@code FOR UPDATE SKIP LOCKED}, so replicas claiming at once take different
     * rows; a claim whose dispatcher died runs out, and the row is due again.
     */
    public List<Claimed> claim(int max, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            // Microseconds, as the database keeps it: the mark must compare equal when read back.
            Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            @SuppressWarnings("unchecked")
            List<ScheduledEmail> due = entityManager.createNativeQuery("""
                    select s.* from scheduled_email s
                    join known_event e on e.id = s.event_id
                    where ((s.status = 'PENDING' and s.due_at <= :now)
                           or (s.status = 'SENDING' and s.claimed_until < :now))
                      and not (s.kind = 'REMINDER' and e.starts_at <= :now)
                      and (exists (select 1 from recipient r where r.registration_id = s.registration_id)
                           or s.registration_id = s.send_id)
                    order by s.due_at
                    limit :max
                    for update of s skip locked""", ScheduledEmail.class)
                    .setParameter("now", now)
                    .setParameter("max", max)
                    .getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            Map<UUID, KnownEvent> events = new HashMap<>();
            // The batch's recipients in one query, not one each: in the reminder fan-out, a hundred round
            // trips per batch while the SMTP connections waited.
            Map<UUID, Recipient> recipients = Recipient.<Recipient> list("registrationId in ?1",
                    due.stream().map(email -> email.registrationId).distinct().toList()).stream()
                    .collect(Collectors.toMap(recipient -> recipient.registrationId, Function.identity()));
            List<Claimed> claimed = new ArrayList<>(due.size());
            for (ScheduledEmail email : due) {
                KnownEvent event = events.computeIfAbsent(email.eventId, id -> KnownEvent.findById(id));
                Optional<EmailKind> instead = event.emailInsteadOf(email.kind);
                if (!instead.equals(Optional.of(email.kind))) {
                    supersede(email, instead);
                    continue;
                }
                Mailing mailing = email.sendId == null ? null : Mailing.findById(email.sendId);
                Recipient to = email.registrationId.equals(email.sendId)
                        ? Recipient.organiserTest(email.sendId, email.eventId, mailing.testTo)
                        : recipients.get(email.registrationId);
                boolean reminderAhead = keepsJoinLinkForReminders(event, email) && hasReminderAhead(email);
                MailMessage mail;
                try {
                    mail = writer.write(email, to, event, mailing, reminderAhead);
                } catch (RuntimeException e) {
                    // Writing reads nothing more from the database, so this is the email's own fault (an
                    // address or a field no one foresaw) and would recur: fail it alone, and the batch goes
                    // on. Thrown on, it rolled the claim back, and the row, oldest due, came back first in
                    // every batch: no email of any event went out again.
                    recorder.unwritable(email, e);
                    continue;
                }
                email.status = EmailStatus.SENDING;
                email.claimedUntil = until;
                claimed.add(new Claimed(email.id, email.registrationId, email.eventId, email.kind, until, mail));
            }
            return claimed;
        });
    }
}
