package org.convene.notification.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

import io.vertx.ext.mail.SMTPException;

/**
 * What a failed send means for the next attempt. No answer from the relay at all (the connection
 * refused, no route, a timeout, or its 421 "service not available") says that the relay is away, not
 * that anything is wrong with the email: the dispatcher pauses ({@link RelayBreaker}) and the email
 * goes again when the relay is back. Another 4xx answer, or a connection lost within a session, may
 * pass: try again later. A 5xx answer will not: give up now, and if it was about the address itself
 * (enhanced status 5.1.x, or 550, 551, 553 from a server without enhanced codes), it bounced.
 */
enum SendFailure {
    RELAY_AWAY,
    TRANSIENT,
    PERMANENT,
    BOUNCE;

    /** Mailbox unavailable, user not local, mailbox name not allowed (RFC 5321, 4.2.3). */
    private static final Set<Integer> ADDRESS_REFUSED = Set.of(550, 551, 553);
    /** Service not available, closing transmission channel (RFC 5321, 4.2.3). */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    static SendFailure of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SMTPException smtp) {
                if (smtp.getReplyCode() == SERVICE_NOT_AVAILABLE) {
                    return RELAY_AWAY;
                }
                if (!smtp.isPermanent()) {
                    return TRANSIENT;
                }
                SMTPException.EnhancedStatus status = smtp.getEnhancedStatus();
                boolean aboutTheAddress = status != null && status.getSubject() > 0
                        ? status == SMTPException.EnhancedStatus.OTHER_ADDRESS
                        : ADDRESS_REFUSED.contains(smtp.getReplyCode());
                return aboutTheAddress ? BOUNCE : PERMANENT;
            }
            if (e instanceof ConnectException || e instanceof NoRouteToHostException
                    || e instanceof UnknownHostException || e instanceof SocketTimeoutException
                    || e instanceof io.smallrye.mutiny.TimeoutException
                    || e instanceof java.util.concurrent.TimeoutException) {
                return RELAY_AWAY;
            }
        }
        return TRANSIENT;
    }
}
