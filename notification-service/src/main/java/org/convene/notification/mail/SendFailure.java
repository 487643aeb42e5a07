package org.convene.notification.mail;

import java.util.Set;

import io.vertx.ext.mail.SMTPException;

/**
 * What a failed send means for the next attempt. A 4xx answer, a dropped connection or a timeout may
 * pass: try again later. A 5xx answer will not: give up now, and if it was about the address itself
 * (enhanced status 5.1.x, or 550, 551, 553 from a server without enhanced codes), it bounced.
 */
enum SendFailure {
    TRANSIENT,
    PERMANENT,
    BOUNCE;

    /** Mailbox unavailable, user not local, mailbox name not allowed (RFC 5321, 4.2.3). */
    private static final Set<Integer> ADDRESS_REFUSED = Set.of(550, 551, 553);

    static SendFailure of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SMTPException smtp) {
                if (!smtp.isPermanent()) {
                    return TRANSIENT;
                }
                SMTPException.EnhancedStatus status = smtp.getEnhancedStatus();
                boolean aboutTheAddress = status != null && status.getSubject() > 0
                        ? status == SMTPException.EnhancedStatus.OTHER_ADDRESS
                        : ADDRESS_REFUSED.contains(smtp.getReplyCode());
                return aboutTheAddress ? BOUNCE : PERMANENT;
            }
        }
        return TRANSIENT;
    }
}
