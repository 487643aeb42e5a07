package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.convene.localstack.CapturedMail;
import org.convene.localstack.CapturedMailbox;
import org.convene.localstack.run.DemoData;
import org.convene.platform.time.EventTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The walking skeleton end to end: the three packaged services as separate processes against one
 * real Kafka, PostgreSQL and SMTP server, driven over HTTP the way organisers and supporters use them.
 */
@ExtendWith(SystemUnderTestExtension.class)
class RegistrationJourneyTest {

    /**
     * Room for one send that times out (30 s) and its retry (30 s later): what these tests check is that each
     * email goes once, not how soon. CI saw a single send to the test SMTP server hang after the two-replica
     * burst; the benchmarks measure latency.
     */
    private static final Duration EMAIL_WAIT = Duration.ofSeconds(150);
    private static final String INVALID_FORM_EVENT = "Solidarity with Bolivia – the People in Power (invalid form)";

    private final SystemUnderTest system;
    private final CapturedMailbox mailbox;

    RegistrationJourneyTest(SystemUnderTest system) {
        this.system = system;
        this.mailbox = system.mailbox();
    }

    @Test
    void aSupporterRegistersThroughTheFormAndGetsOneConfirmationEvenAcrossARestart() throws Exception {
        LocalDateTime start = LocalDate.now().plusDays(30).atTime(18, 30);
        // Titles unlike the demo events': the demo loader recognises its events by title.
        String eventId = system.createAndPublish("Bolivia – People Power, Hope & Solidarity (journey)", start);
        String eventPage = system.awaitEventPage(eventId);

        String first = "miriam+" + UUID.randomUUID() + "@example.org";
        registerThroughForm(eventPage, "Miriam Colque", first);

        CapturedMail confirmation = await().atMost(EMAIL_WAIT).until(() -> mailbox.to(first), m -> !m.isEmpty()).get(0);
        OffsetDateTime startsAt = start.atZone(ZoneId.of("Europe/London")).toOffsetDateTime();
        String when = EventTime.describe(startsAt.toInstant(), ZoneId.of("Europe/London"), Locale.UK);
        assertThat(confirmation.to()).containsExactly(first);
        assertThat(confirmation.subject()).contains("Bolivia – People Power, Hope & Solidarity");
        assertThat(confirmation.text()).contains(when);
        assertThat(confirmation.html()).contains("Bolivia").contains("18:30");

        system.services().restart("notification-service");

        // A registration after the restart is the barrier: once its email is out, the restarted
        // service has consumed everything before it, including any redelivery of the first.
        String second = "ollie+" + UUID.randomUUID() + "@example.org";
        registerThroughForm(eventPage, "Ollie Vargas", second);
        await().atMost(EMAIL_WAIT).until(() -> mailbox.to(second), m -> !m.isEmpty());

        assertThat(mailbox.to(first)).hasSize(1);
        assertThat(mailbox.to(second)).hasSize(1);
    }

    @Test
    void aRegistrationMadeWhileKafkaIsDownIsConfirmedOnceItIsBack() throws Exception {
        String eventId = system.createAndPublish("Bolivia Shows There Is An Alternative (outage)",
                LocalDate.now().plusDays(50).atTime(19, 0));
        String eventPage = system.awaitEventPage(eventId);

        String email = "leonardo+" + UUID.randomUUID() + "@example.org";
        Path log = system.log(SystemUnderTest.REGISTRATION_SERVICE);
        // Only what the log gains from here counts: it keeps earlier outages and earlier runs.
        long logBefore = Files.size(log);
        system.stack().stopKafka();
        try {
            // The registration succeeds from registration-service's own database and outbox.
            registerThroughForm(eventPage, "Leonardo Flores", email);
            // Down long enough for the relay to give up on a send and wait to retry, not just buffer it.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> logSince(log, logBefore).contains("Outbox relay could not publish"));
        } finally {
            system.stack().startKafka();
        }

        CapturedMail confirmation = await().atMost(Duration.ofSeconds(120))
                .until(() -> mailbox.to(email), m -> !m.isEmpty()).get(0);
        assertThat(confirmation.subject()).contains("Bolivia Shows There Is An Alternative (outage)");
        assertThat(mailbox.to(email)).hasSize(1);
    }

    @Test
    void aFormWithoutAValidEmailIsShownAgainAndSendsNothing() {
        String eventId = system.createAndPublish(INVALID_FORM_EVENT, LocalDate.now().plusDays(40).atTime(19, 0));
        String eventPage = system.awaitEventPage(eventId);

        given().formParam("name", "Juana Maldonado").formParam("email", "not-an-address")
                .redirects().follow(false)
                .when().post(eventPage + "/registrations")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("aria-invalid=\"true\""), containsString("Juana Maldonado"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Juana Maldonado"))
                .when().post(system.registration() + "/api/events/" + eventId + "/registrations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));

        // A valid registration afterwards is the barrier: its email is the only one for this event, whatever
        // other tests' emails arrive meanwhile.
        String valid = "juana+" + UUID.randomUUID() + "@example.org";
        registerThroughForm(eventPage, "Juana Maldonado", valid);
        await().atMost(EMAIL_WAIT).until(() -> mailbox.to(valid), m -> !m.isEmpty());
        assertThat(mailbox.headers()).filteredOn(m -> m.subject().contains(INVALID_FORM_EVENT))
                .singleElement().satisfies(m -> assertThat(m.to()).containsExactly(valid));
    }

    @Test
    void theDemoEventsLoadIntoTheFutureAndOpenForRegistration() throws Exception {
        List<DemoData.DemoEvent> demo = new DemoData(system.events(), system.stack().organiserSecrets())
                .load(LocalDate.now());
        assertThat(demo).hasSize(3);
        // The first seed event, held completely: its chair and its five speakers in order.
        system.asOrganiser().get(system.events() + "/api/events/" + demo.get(0).id())
                .then().statusCode(200)
                .body("details.chair.name", equalTo("Christine Blower"),
                        "details.speakers.name", equalTo(List.of("Ollie Vargas", "Jeremy Corbyn", "Miriam Colque",
                                "Claudia Tuberg-Defor", "Alex Main")),
                        "details.host", equalTo("Friends of Bolivia"));
        // Loading again finds them there and adds nothing.
        assertThat(new DemoData(system.events(), system.stack().organiserSecrets()).load(LocalDate.now()))
                .isEqualTo(demo);
        for (DemoData.DemoEvent event : demo) {
            given().get(system.awaitEventPage(event.id().toString())).then().body(containsString("Bolivia"));
            // ./run prints each demo event's page by its slug: that address opens the same page.
            assertThat(event.slug()).as("a readable address").doesNotContain(event.id().toString()).contains("bolivia");
            given().get(system.registration() + "/events/" + event.slug()).then().statusCode(200)
                    .body(containsString("Bolivia"));
        }
    }

    private static void registerThroughForm(String eventPage, String name, String email) {
        Document form = Jsoup.parse(given().get(eventPage).then().statusCode(200).extract().asString());
        assertThat(form.select("form[action^=/events/] input[name=email]")).hasSize(1);
        // As a browser without JavaScript sends it: with the page's token, without a proof of work.
        given().formParam("name", name).formParam("email", email)
                .formParam("formToken", form.select("input[name=formToken]").val())
                .redirects().follow(false)
                .when().post(eventPage + "/registrations")
                .then().statusCode(303);
    }

    private static String logSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }
}
