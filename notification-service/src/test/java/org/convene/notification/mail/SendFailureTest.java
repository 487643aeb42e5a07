package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;

/** How an SMTP client's failure is read: worth a retry, given up on, or a bounce that stops the address. */
@Tag("unit")
class SendFailureTest {

    @Test
    void aTemporaryRefusalOrAConnectionLostWithinASessionMayPass() {
        assertThat(SendFailure.of(smtp(451, "4.7.1 Try again later"))).isEqualTo(SendFailure.TRANSIENT);
        assertThat(SendFailure.of(smtp(450, "4.2.1 Mailbox busy"))).isEqualTo(SendFailure.TRANSIENT);
        assertThat(SendFailure.of(new IOException("Connection reset"))).isEqualTo(SendFailure.TRANSIENT);
    }

    @Test
    void noAnswerFromTheRelayMeansTheRelayIsAwayNotThatTheEmailIsWrong() {
        assertThat(SendFailure.of(smtp(421, "4.3.2 Service not available"))).isEqualTo(SendFailure.RELAY_AWAY);
        assertThat(SendFailure.of(new TimeoutException())).isEqualTo(SendFailure.RELAY_AWAY);
        assertThat(SendFailure.of(new CompletionException(new java.net.ConnectException("Connection refused"))))
                .isEqualTo(SendFailure.RELAY_AWAY);
        assertThat(SendFailure.of(new java.net.UnknownHostException("smtp.example.org"))).isEqualTo(SendFailure.RELAY_AWAY);
    }

    @Test
    void aRefusedAddressBouncesWhetherTheServerGivesAnEnhancedCodeOrNot() {
        assertThat(SendFailure.of(smtp(550, "5.1.1 User unknown"))).isEqualTo(SendFailure.BOUNCE);
        assertThat(SendFailure.of(smtp(553, "Mailbox name not allowed"))).isEqualTo(SendFailure.BOUNCE);
        // Wrapped, as the mailer hands it over.
        assertThat(SendFailure.of(new CompletionException(smtp(551, "User not local")))).isEqualTo(SendFailure.BOUNCE);
    }

    @Test
    void aPermanentRefusalOfTheMessageIsGivenUpOnWithoutBlamingTheAddress() {
        // 550 for policy, as its enhanced code says: the address is fine.
        assertThat(SendFailure.of(smtp(550, "5.7.1 Message rejected as spam"))).isEqualTo(SendFailure.PERMANENT);
        assertThat(SendFailure.of(smtp(554, "Transaction failed"))).isEqualTo(SendFailure.PERMANENT);
    }

    private static SMTPException smtp(int code, String message) {
        // As a server writes the reply line, and with enhanced codes announced in its EHLO.
        return new SMTPException("server answered", code, List.of(code + " " + message), true);
    }
}
