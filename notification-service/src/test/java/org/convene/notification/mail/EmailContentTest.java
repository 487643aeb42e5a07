package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.notification.Events;
import org.convene.notification.TopicsAndMailbox;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** What a confirmation says, in which language and time zone, and the calendar file it carries. */
@QuarkusTest
class EmailContentTest {

    @Inject
    TopicsAndMailbox ends;

    @Test
    void theSeedEventIsShownInEachRegistrantsOwnZoneBesideTheEventsZone() {
        EventSnapshot event = ends.publish(Events.seed(3));
        String laPaz = TopicsAndMailbox.uniqueAddress();
        String madrid = TopicsAndMailbox.uniqueAddress();

        UUID ana = UUID.randomUUID();
        ends.send(TopicsAndMailbox.change(ana, event.id(), RegistrationState.REGISTERED, "Ana Quispe",
                laPaz, "en", "America/La_Paz"));
        ends.send(TopicsAndMailbox.change(UUID.randomUUID(), event.id(), RegistrationState.REGISTERED, "Marta Ruiz",
                madrid, "es", "Europe/Madrid"));

        CapturedMail english = ends.awaitMails(laPaz, 1).get(0);
        for (String part : List.of(english.text(), english.html())) {
            assertThat(part).contains("Monday 19 April 2021, 18:30 (Europe/London, UTC+01:00)")
                    .contains("In your time zone: Monday 19 April 2021, 13:30 (America/La_Paz, UTC-04:00)")
                    .contains("Christine Blower, Labour Friends of Progressive Latin America")
                    .contains("Ollie Vargas").contains("Alex Main")
                    .contains("Friends of Bolivia")
                    // Her own link, which records that she came; never the event's own.
                    .contains(TopicsAndMailbox.joinUrl(ana).replace("&", "&amp;"))
                    .doesNotContain(event.joinUrl());
        }
        assertThat(english.subject()).isEqualTo("You're registered: " + event.title());
        assertThat(english.html()).contains("<html lang=\"en\">");

        CapturedMail spanish = ends.awaitMails(madrid, 1).get(0);
        assertThat(spanish.subject()).isEqualTo("Tu inscripción: " + event.title());
        for (String part : List.of(spanish.text(), spanish.html())) {
            assertThat(part).contains("Hola, Marta Ruiz:")
                    .contains("lunes, 19 de abril de 2021, 18:30 (Europe/London, UTC+01:00)")
                    .contains("En tu zona horaria: lunes, 19 de abril de 2021, 19:30 (Europe/Madrid, UTC+02:00)")
                    .contains("Modera: Christine Blower")
                    .contains("Cancelar mi inscripción");
        }
        assertThat(spanish.html()).contains("<html lang=\"es\">");
    }

    @Test
    void aRegistrantInTheEventsZoneSeesTheTimeOnce() {
        EventSnapshot event = ends.publish(Events.seed(1));
        String london = TopicsAndMailbox.uniqueAddress();

        ends.send(TopicsAndMailbox.change(UUID.randomUUID(), event.id(), RegistrationState.REGISTERED, "Tom Reid",
                london, "en", "Europe/London"));

        CapturedMail mail = ends.awaitMails(london, 1).get(0);
        assertThat(mail.text()).contains("18:30 (Europe/London, UTC+01:00)").doesNotContain("In your time zone");
    }

    @Test
    void theConfirmationCarriesACalendarEntryThatCalendarAppsCanRead() throws Exception {
        EventSnapshot event = ends.publish(Events.seed(4));
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = UUID.randomUUID();

        ends.send(TopicsAndMailbox.change(registration, event.id(), RegistrationState.REGISTERED, "Luz Mamani", email,
                "en", "America/La_Paz"));

        CapturedMail mail = ends.awaitMails(email, 1).get(0);
        CapturedMail.Attachment file = mail.attachment("text/calendar");
        assertThat(file).isNotNull();
        assertThat(file.name()).isEqualTo("invite.ics");
        assertThat(file.contentType()).containsIgnoringCase("method=REQUEST");

        Calendar calendar = new CalendarBuilder().build(new StringReader(file.content()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        VEvent vEvent = calendar.<VEvent> getComponents("VEVENT").get(0);
        assertThat(vEvent.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(event.id() + "@convene");
        assertThat(vEvent.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("4");
        Property start = vEvent.getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getValue()).isEqualTo("20210419T183000");
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        assertThat(vEvent.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20210419T200000");
        assertThat(vEvent.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(event.title());
        assertThat(vEvent.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:" + email);
        assertThat(vEvent.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(vEvent.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo(TopicsAndMailbox.joinUrl(registration));

        // The same moment for calendars that take a link instead: in UTC, 17:30 to 19:00.
        assertThat(mail.html()).contains("https://calendar.google.com/calendar/render?action=TEMPLATE")
                .contains("dates=20210419T173000Z/20210419T190000Z")
                .contains("startdt=2021-04-19T17%3A30%3A00Z");
        assertThat(mail.text()).contains("https://events.example.org/registrations/" + registration + "/cancel?token=signed")
                .contains("/events/" + event.details().slug());
    }

    @Test
    void aWaitlistedRegistrantIsToldSoWithoutAJoiningLinkOrCalendarEntry() {
        EventSnapshot event = ends.publish(Events.seed(1));
        String email = TopicsAndMailbox.uniqueAddress();

        ends.send(TopicsAndMailbox.change(UUID.randomUUID(), event.id(), RegistrationState.WAITLISTED, "Rosa Apaza",
                email, "en", null));

        CapturedMail mail = ends.awaitMails(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("You're on the waitlist: " + event.title());
        assertThat(mail.text()).contains("is full, so you are on its waitlist").doesNotContain(event.joinUrl())
                .contains("Cancel my registration");
        assertThat(mail.html()).doesNotContain(event.joinUrl());
        assertThat(mail.attachments()).isEmpty();
    }
}
