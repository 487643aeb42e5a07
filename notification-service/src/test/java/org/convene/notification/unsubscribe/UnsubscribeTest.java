package org.convene.notification.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.AdjustableClock;
import org.convene.localstack.CapturedMail;
import org.convene.notification.Events;
import org.convene.notification.ScheduledEmails;
import org.convene.notification.TopicsAndMailbox;
import org.convene.notification.mail.EmailStatus;
import org.convene.notification.recipient.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unsubscribe link of every email: one click from the mail app (RFC 8058) or the page's buttons;
 * what it stops, what it never stops, and links that are not the registrant's own.
 */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    TopicsAndMailbox ends;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void everyEmailOffersOneClickUnsubscribeInItsHeadersAndAtItsFoot() {
        EventSnapshot event = ends.publish(Events.at("Headers", ends.inLondon(Duration.ofDays(2)), 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, "en");

        CapturedMail confirmation = ends.awaitMails(email, 1).get(0);
        String link = unsubscribeLink(confirmation);
        assertThat(link).startsWith("http://localhost:8082/unsubscribe/" + registration + "?token=");
        assertThat(confirmation.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(confirmation.text()).contains(link);
        assertThat(confirmation.html()).contains("href=\"" + link.replace("&", "&amp;") + "\"");
    }

    @Test
    void oneClickFromTheMailAppStopsTheEventsRemindersAndRecordsThemAsSuppressed() {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot event = ends.publish(Events.at("One click", start, 1440, 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, "en");
        String link = unsubscribeLink(ends.awaitMails(email, 1).get(0));
        ScheduledEmails.awaitPendingReminders(registration, 2);

        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(pathOf(link))
                .then().statusCode(200);

        assertThat(recipient(registration).unsubscribed).isTrue();
        clock.advance(Duration.between(clock.instant(), start.toInstant().minus(Duration.ofMinutes(59))));
        ScheduledEmails.awaitEmail(registration, EmailKind.REMINDER, EmailStatus.SUPPRESSED);
        await().atMost(TopicsAndMailbox.PATIENCE)
                .until(() -> ends.counted(event.id(), EmailKind.REMINDER, DeliveryOutcome.SUPPRESSED) >= 1);
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> ScheduledEmails.of(registration).stream()
                .filter(e -> e.kind == EmailKind.REMINDER).allMatch(e -> e.status == EmailStatus.SUPPRESSED));
        assertThat(ends.mailbox().to(email)).hasSize(1);
    }

    @Test
    void theLinkOnlyAsksAndTheAnswerComesInTheRegistrantsLanguage() {
        EventSnapshot event = ends.publish(Events.at("Preguntar primero", ends.inLondon(Duration.ofDays(2)), 60));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event, email, "es");
        String link = unsubscribeLink(ends.awaitMails(email, 1).get(0));

        given().get(pathOf(link)).then().statusCode(200)
                // A page no one may frame, that runs no inline script and keeps its token from other sites.
                .header("Content-Security-Policy", endsWith("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .body(containsString("<html lang=\"es\">"))
                .body(containsString("Recibes correos sobre Preguntar primero porque te inscribiste."))
                .body(containsString("name=\"scope\" value=\"everywhere\""));
        assertThat(recipient(registration).unsubscribed).isFalse();

        String token = URI.create(link).getQuery().substring("token=".length());
        given().contentType("application/x-www-form-urlencoded").formParam("token", token).formParam("scope", "event")
                .post("/unsubscribe/" + registration)
                .then().statusCode(200).body(containsString("No recibirás más recordatorios ni seguimiento sobre"));
        assertThat(recipient(registration).unsubscribed).isTrue();
    }

    @Test
    void aTamperedLinkOrAnotherRegistrantsTokenChangesNothing() {
        EventSnapshot event = ends.publish(Events.at("Forged", ends.inLondon(Duration.ofDays(2)), 60));
        String mine = TopicsAndMailbox.uniqueAddress();
        String theirs = TopicsAndMailbox.uniqueAddress();
        UUID myRegistration = register(event, mine, "en");
        UUID theirRegistration = register(event, theirs, "en");
        String myLink = unsubscribeLink(ends.awaitMails(mine, 1).get(0));
        ends.awaitMails(theirs, 1);
        String myToken = URI.create(myLink).getQuery().substring("token=".length());

        given().get("/unsubscribe/" + myRegistration + "?token=" + myToken.substring(1) + "A")
                .then().statusCode(400).body(containsString("This link does not work"));
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe/" + theirRegistration + "?token=" + myToken)
                .then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded").formParam("scope", "everywhere")
                .post("/unsubscribe/" + theirRegistration)
                .then().statusCode(400);

        assertThat(recipient(theirRegistration).unsubscribed).isFalse();
        assertThat(recipient(myRegistration).unsubscribed).isFalse();
    }

    @Test
    void unsubscribingEverywhereStopsOtherEventsRemindersUntilThePersonRegistersAgain() {
        ZonedDateTime start = ends.inLondon(Duration.ofDays(2));
        EventSnapshot first = ends.publish(Events.at("First of two", start, 1440));
        EventSnapshot second = ends.publish(Events.at("Second of two", start.plusHours(1), 1440));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID atFirst = register(first, email, "en");
        UUID atSecond = register(second, email, "en");
        String link = unsubscribeLink(ends.awaitMails(email, 2).get(0));
        ScheduledEmails.awaitPendingReminders(atSecond, 1);

        String token = URI.create(link).getQuery().substring("token=".length());
        UUID linked = UUID.fromString(URI.create(link).getPath().substring("/unsubscribe/".length()));
        given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .formParam("scope", "everywhere")
                .post("/unsubscribe/" + linked)
                .then().statusCode(200).body(containsString("no more reminders or follow-ups from us"));

        // Past both reminders' time (the second event starts an hour after the first).
        clock.advance(Duration.between(clock.instant(), start.toInstant().minus(Duration.ofHours(23)).plusSeconds(60)));
        ScheduledEmails.awaitEmail(atFirst, EmailKind.REMINDER, EmailStatus.SUPPRESSED);
        ScheduledEmails.awaitEmail(atSecond, EmailKind.REMINDER, EmailStatus.SUPPRESSED);
        clock.reset();

        // A registration made later is its own request: its confirmation and its reminders go.
        EventSnapshot third = ends.publish(Events.at("Third", start.plusDays(1), 1440));
        UUID atThird = register(third, email, "en");
        assertThat(ends.awaitMails(email, 3).get(2).subject()).isEqualTo("You're registered: Third");
        assertThat(recipient(atThird).unsubscribed).isFalse();
        ScheduledEmails.awaitPendingReminders(atThird, 1);
        assertThat(ends.mailbox().to(email)).hasSize(3);
    }

    private UUID register(EventSnapshot event, String email, String language) {
        UUID registration = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Rosa Mamani", email,
                language, null));
        return registration;
    }

    private static String unsubscribeLink(CapturedMail mail) {
        String header = mail.header("List-Unsubscribe");
        assertThat(header).as("List-Unsubscribe").startsWith("<").endsWith(">");
        return header.substring(1, header.length() - 1);
    }

    /** The link's path and query, to call the service under test wherever it listens. */
    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static Recipient recipient(UUID registration) {
        return QuarkusTransaction.requiringNew().call(() -> Recipient.findById(registration));
    }
}
