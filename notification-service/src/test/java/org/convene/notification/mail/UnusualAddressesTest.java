package org.convene.notification.mail;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.MessageType;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.notification.TopicWriter;
import org.convene.notification.TopicsAndMailbox;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Addresses that the form takes but that look odd, and one that an older release took and this one
 * would not: each email is sent or failed on its own, and no one else's waits for it (issue 19).
 */
@QuarkusTest
class UnusualAddressesTest {

    @Inject
    TopicsAndMailbox ends;

    @Test
    void everyAcceptedAddressGetsItsConfirmationAndCalendarEntry() {
        EventSnapshot event = ends.publishEvent("Unusual addresses");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = List.of("a{b}" + tag + "@example.org", "100%" + tag + "@example.org",
                "o'neil+bolivia|" + tag + "@Example.ORG", "x!#$&*/=?^_`~-" + tag + "@example.org");
        // Each on the same partition, behind the one before: one stalled email would hold up the rest.
        for (String address : addresses) {
            send(registered(event.id(), address), 0);
        }

        List<String> attendees = addresses.stream()
                .map(address -> ends.awaitMails(address, 1).get(0).attachment("text/calendar").content())
                // Unfolded: RFC 5545 folds lines longer than 75 octets.
                .map(calendar -> calendar.replace("\r\n ", "").lines()
                        .filter(line -> line.startsWith("ATTENDEE")).findFirst().orElseThrow())
                .toList();
        assertThat(attendees.get(0)).endsWith(":mailto:a%7Bb%7D" + tag + "@example.org");
        assertThat(attendees.get(1)).endsWith(":mailto:100%25" + tag + "@example.org");
        assertThat(attendees.get(2)).endsWith(":mailto:o'neil+bolivia%7C" + tag + "@example.org");
        assertThat(attendees.get(3)).endsWith(":mailto:x!%23$&*/=?%5E_%60~-" + tag + "@example.org");
    }

    @Test
    void anInternationalisedDomainIsWrittenToInItsAsciiForm() {
        EventSnapshot event = ends.publishEvent("Internationalised domain");
        String local = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        send(registered(event.id(), local + "@bücher.example"), null);

        CapturedMail mail = ends.awaitMails(local + "@xn--bcher-kva.example", 1).get(0);
        assertThat(mail.to()).containsExactly(local + "@xn--bcher-kva.example");
    }

    @Test
    void anEmailThatCannotBeWrittenFailsAloneAndTheNextGoesOut() {
        double before = unwritableFailures();
        EventSnapshot event = ends.publishEvent("One that cannot be written");
        // A backslash: this release refuses it at the form, an older one took it, and it is no URI's.
        RegistrationChanged unwritable = registered(event.id(), "ana\\quispe" + UUID.randomUUID() + "@example.org");
        String next = TopicsAndMailbox.uniqueAddress();
        send(unwritable, 1);
        send(registered(event.id(), next), 1);

        assertThat(ends.awaitMails(next, 1)).hasSize(1);
        ScheduledEmail failed = await().atMost(TopicsAndMailbox.PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> ScheduledEmail.<ScheduledEmail> find(
                        "registrationId = ?1 and kind = ?2", unwritable.registrationId(), EmailKind.CONFIRMATION)
                        .firstResult()),
                email -> email != null && email.status == EmailStatus.FAILED);
        assertThat(failed.lastError).contains("UndeliverableAddressException").doesNotContain("example.org");
        assertThat(failed.claimedUntil).isNull();
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> unwritableFailures() >= before + 1);
    }

    private static double unwritableFailures() {
        return get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("convene_email_failures_total{") && line.contains("failure=\"unwritable\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static RegistrationChanged registered(UUID eventId, String email) {
        return new RegistrationChanged(UUID.randomUUID(), eventId, RegistrationState.REGISTERED, "Ana Quispe", email,
                "en", Instant.now(), null, null, null, null);
    }

    private void send(RegistrationChanged change, Integer partition) {
        ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, change.registrationId().toString(), change,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));
    }
}
