package org.convene.notification;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.convene.contracts.delivery.EmailKind;
import org.convene.notification.mail.EmailStatus;
import org.convene.notification.mail.ScheduledEmail;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the schedule holds for a registrant, read in a transaction of its own. */
public final class ScheduledEmails {

    private ScheduledEmails() {
    }

    public static List<ScheduledEmail> of(UUID registration) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.list("registrationId", registration));
    }

    public static List<ScheduledEmail> pendingReminders(UUID registration) {
        return of(registration).stream()
                .filter(e -> e.kind == EmailKind.REMINDER && e.status == EmailStatus.PENDING).toList();
    }

    /** Waits until the registrant's pending reminders number {@code count}, for the start given if any. */
    public static List<ScheduledEmail> awaitPendingReminders(UUID registration, int count, Instant... plannedStart) {
        return await().atMost(TopicsAndMailbox.PATIENCE).until(() -> pendingReminders(registration),
                reminders -> reminders.size() == count && (plannedStart.length == 0
                        || reminders.stream().allMatch(r -> r.plannedStart.equals(plannedStart[0]))));
    }

    /** Waits until the registrant has an email of {@code kind} in {@code status}. */
    public static ScheduledEmail awaitEmail(UUID registration, EmailKind kind, EmailStatus status) {
        return await().atMost(TopicsAndMailbox.PATIENCE)
                .until(() -> of(registration).stream().filter(e -> e.kind == kind && e.status == status).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
