package org.convene.notification.schedule;

import org.convene.contracts.delivery.EmailKind;

/** Emails of one kind were promised in the current transaction; observed once it commits. */
public record EmailsPromised(EmailKind kind) {

    /**
     * Every kind but reminders is promised due at once (the schedule and organisers' messages); a
     * reminder falls due before its event, and the dispatcher's regular look finds it then.
     */
    public boolean dueNow() {
        return kind != EmailKind.REMINDER;
    }
}
