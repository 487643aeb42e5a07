package org.convene.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.convene.notification.event.KnownEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The calendar file is written once per event version and completed per registrant: each file must
 * still be whole, read back by a calendar parser, and never carry another registrant's lines or an older
 * version of the event.
 */
@Tag("unit")
class CalendarInvitationTest {

    private static final Instant NOW = Instant.parse("2021-04-01T09:00:00Z");

    private final CalendarInvitation invitations = new CalendarInvitation(Clock.fixed(NOW, ZoneOffset.UTC),
            "Convene <events@convene.example>");

    @Test
    void eachRegistrantGetsTheirOwnAttendeeAndLinkBesideTheSameEvent() throws Exception {
        KnownEvent event = event(1, Instant.parse("2021-04-19T17:30:00Z"));

        VEvent ana = entry(invitations.request(event, "ana@example.org", "https://join.example.org/ana", "https://e.example/p"));
        VEvent luz = entry(invitations.request(event, "luz@example.org", "https://join.example.org/luz", "https://e.example/p"));

        assertThat(value(ana, Property.ATTENDEE)).isEqualTo("mailto:ana@example.org");
        assertThat(value(ana, Property.LOCATION)).isEqualTo("https://join.example.org/ana");
        assertThat(value(luz, Property.ATTENDEE)).isEqualTo("mailto:luz@example.org");
        assertThat(value(luz, Property.LOCATION)).isEqualTo("https://join.example.org/luz");
        for (VEvent entry : new VEvent[] { ana, luz }) {
            assertThat(entry.getProperties(Property.ATTENDEE)).hasSize(1);
            assertThat(value(entry, Property.DTSTART)).isEqualTo("20210419T183000");
            assertThat(value(entry, Property.DTSTAMP)).isEqualTo("20210401T090000Z");
            assertThat(value(entry, Property.ORGANIZER)).isEqualTo("mailto:events@convene.example");
            assertThat(value(entry, Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(value(entry, Property.URL)).isEqualTo("https://e.example/p");
        }
    }

    @Test
    void aNewVersionOfTheEventIsWrittenAfresh() throws Exception {
        KnownEvent event = event(1, Instant.parse("2021-04-19T17:30:00Z"));
        invitations.request(event, "ana@example.org", null, null);

        event.version = 2;
        event.startsAt = Instant.parse("2021-04-26T17:30:00Z");
        VEvent moved = entry(invitations.request(event, "ana@example.org", null, null));

        assertThat(value(moved, Property.DTSTART)).isEqualTo("20210426T183000");
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("2");
        assertThat(moved.getProperty(Property.LOCATION)).isEmpty();
    }

    @Test
    void aLongAddressIsFoldedAndReadBackWhole() throws Exception {
        // The longest local part there is, and a long domain: the line needs folding twice.
        String address = "a".repeat(64) + "@" + "b".repeat(40) + ".example.org";
        String file = invitations.request(event(1, Instant.parse("2021-04-19T17:30:00Z")), address, null, null);

        assertThat(file.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes().length).isLessThanOrEqualTo(75));
        assertThat(value(entry(file), Property.ATTENDEE)).isEqualTo("mailto:" + address);
    }

    @Test
    void aCancellationTakesTheEntryOutWithoutItsLinks() throws Exception {
        KnownEvent event = event(3, Instant.parse("2021-04-19T17:30:00Z"));
        invitations.request(event, "ana@example.org", "https://join.example.org/ana", "https://e.example/p");

        String file = invitations.cancel(event, "ana@example.org");

        Calendar calendar = new CalendarBuilder().build(new StringReader(file));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent entry = calendar.<VEvent> getComponents("VEVENT").get(0);
        assertThat(value(entry, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(entry, Property.ATTENDEE)).isEqualTo("mailto:ana@example.org");
        assertThat(entry.getProperty(Property.LOCATION)).isEmpty();
        assertThat(entry.getProperty(Property.URL)).isEmpty();
    }

    private static KnownEvent event(long version, Instant startsAt) {
        KnownEvent event = new KnownEvent();
        event.id = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");
        event.version = version;
        event.title = "Bolivia: democracy restored";
        event.startsAt = startsAt;
        event.timeZone = "Europe/London";
        event.durationMinutes = 90;
        return event;
    }

    private static VEvent entry(String file) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(file));
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        return calendar.<VEvent> getComponents("VEVENT").get(0);
    }

    private static String value(VEvent entry, String property) {
        return entry.getProperty(property).orElseThrow().getValue();
    }
}
