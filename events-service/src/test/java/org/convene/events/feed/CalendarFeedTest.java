package org.convene.events.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.localstack.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyListAccessor;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/** The public feed, read back with ical4j as a calendar app would read it. */
@QuarkusTest
class CalendarFeedTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId LA_PAZ = ZoneId.of("America/La_Paz");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void upcomingPublishedEventsAreInTheFeedWithTheirOwnZoneAndNothingPrivate() throws Exception {
        String awkwardTitle = "Bolivia, People Power; Hope & Solidarity\nwith \"friends\" \\ allies";
        LocalDateTime londonStart = inAMonth().atTime(18, 30);
        LocalDateTime laPazStart = inAMonth().plusDays(2).atTime(19, 0);
        String london = published(awkwardTitle, londonStart, LONDON, 90);
        String laPaz = published("Solidarity evening", laPazStart, LA_PAZ, 60);
        String draft = created("Not yet", londonStart, LONDON, 60);
        String cancelled = published("Called off", londonStart, LONDON, 60);
        asOrganiser().contentType(ContentType.JSON).body(Map.of("message", "Called off"))
                .post("/api/events/{id}/cancel", cancelled).then().statusCode(200);

        String text = feedText();
        Calendar calendar = parse(text);

        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Convene//Events//EN");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.METHOD)).isEmpty();
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Convene events");
        // RFC 5545 as ical4j checks it.
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();

        VEvent first = event(calendar, london).orElseThrow();
        assertThat(value(first, Property.SUMMARY)).isEqualTo(awkwardTitle);
        assertThat(text).contains("SUMMARY:Bolivia\\, People Power\\; Hope & Solidarity\\nwith");
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(tzid(first, Property.DTSTART)).isEqualTo("Europe/London");
        assertThat(local(first, Property.DTSTART)).isEqualTo(londonStart);
        assertThat(tzid(first, Property.DTEND)).isEqualTo("Europe/London");
        assertThat(Duration.between(instant(first, Property.DTSTART), instant(first, Property.DTEND)))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(Integer.parseInt(value(first, Property.SEQUENCE))).isEqualTo(version(london)).isEqualTo(2);
        assertThat(first.getProperty(Property.DTSTAMP)).isPresent();
        assertThat(first.getProperty(Property.URL)).isEmpty();

        VEvent second = event(calendar, laPaz).orElseThrow();
        assertThat(value(second, Property.SUMMARY)).isEqualTo("Solidarity evening");
        assertThat(tzid(second, Property.DTSTART)).isEqualTo("America/La_Paz");
        assertThat(local(second, Property.DTSTART)).isEqualTo(laPazStart);
        assertThat(Duration.between(instant(second, Property.DTSTART), instant(second, Property.DTEND)))
                .isEqualTo(Duration.ofMinutes(60));

        // Each zone in use comes with its definition, which puts the start where the zone's rules do.
        List<String> zones = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .map(z -> z.getTimeZoneId().getValue()).toList();
        assertThat(zones).contains("Europe/London", "America/La_Paz").doesNotHaveDuplicates();
        assertThat(feedOffset(calendar, first)).isEqualTo(LONDON.getRules().getOffset(instant(first, Property.DTSTART)));
        assertThat(feedOffset(calendar, second)).hasToString("-04:00");

        assertThat(event(calendar, draft)).as("the draft").isEmpty();
        assertThat(event(calendar, cancelled)).as("the cancelled event").isEmpty();
        assertThat(text).doesNotContain("meet.example.org").doesNotContain("secret");

        // By start, across zones (other tests' events are in the feed too).
        List<Instant> starts = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> instant(e, Property.DTSTART)).toList();
        assertThat(starts).isSorted();
    }

    @Test
    void aRescheduledEventShowsItsNewTimeWithAHigherSequence() throws Exception {
        LocalDateTime firstStart = inAMonth().plusDays(4).atTime(18, 30);
        String id = published("Moving evening", firstStart, LONDON, 75);
        VEvent before = event(parse(feedText()), id).orElseThrow();
        assertThat(value(before, Property.SEQUENCE)).isEqualTo("2");
        assertThat(local(before, Property.DTSTART)).isEqualTo(firstStart);

        LocalDateTime newStart = inAMonth().plusDays(9).atTime(19, 0);
        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("startsAt", newStart.toString(), "timeZone", "America/La_Paz",
                        "reason", "Moved so that our speakers in La Paz can join"))
                .post("/api/events/{id}/reschedule", id)
                .then().statusCode(200).body("version", equalTo(3));

        VEvent after = event(parse(feedText()), id).orElseThrow();
        assertThat(Integer.parseInt(value(after, Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(value(before, Property.SEQUENCE))).isEqualTo(version(id));
        assertThat(tzid(after, Property.DTSTART)).isEqualTo("America/La_Paz");
        assertThat(local(after, Property.DTSTART)).isEqualTo(newStart);
        assertThat(instant(after, Property.DTSTART)).isEqualTo(newStart.atZone(LA_PAZ).toInstant());
        assertThat(Duration.between(instant(after, Property.DTSTART), instant(after, Property.DTEND)))
                .isEqualTo(Duration.ofMinutes(75));
        assertThat(value(after, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID));
    }

    @Test
    void anEventStaysInTheFeedUntilItEnds() throws Exception {
        ZonedDateTime start = ZonedDateTime.now(LONDON).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        String id = published("Tomorrow's call", start.toLocalDateTime(), LONDON, 60);

        clock.advance(Duration.between(Instant.now(), start.toInstant().plus(Duration.ofMinutes(30))));
        assertThat(event(parse(feedText()), id)).as("under way").isPresent();

        clock.advance(Duration.ofMinutes(31));
        assertThat(event(parse(feedText()), id)).as("over").isEmpty();
    }

    private static LocalDate inAMonth() {
        return LocalDate.now(LONDON).plusDays(30);
    }

    private static String feedText() {
        Response response = RestAssured.get("/calendar.ics");
        response.then().statusCode(200);
        assertThat(response.contentType().replace(" ", "").toLowerCase()).isEqualTo("text/calendar;charset=utf-8");
        return response.asString();
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static Optional<VEvent> event(Calendar calendar, String id) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> (id + "@convene").equals(value(e, Property.UID))).findFirst();
    }

    private static String value(PropertyListAccessor container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    /** The wall-clock time as written, before any zone rules are applied. */
    private static LocalDateTime local(VEvent event, String property) {
        return LocalDateTime.parse(value(event, property), LOCAL);
    }

    private static String tzid(VEvent event, String property) {
        Optional<TzId> tzid = event.getRequiredProperty(property).getParameter(Parameter.TZID);
        return tzid.map(TzId::getValue).orElse(null);
    }

    /** The moment as a calendar app with current zone rules reads it. */
    private static Instant instant(VEvent event, String property) {
        return local(event, property).atZone(ZoneId.of(tzid(event, property))).toInstant();
    }

    /** The offset that the feed's own VTIMEZONE gives at the event's start. */
    private static java.time.ZoneOffset feedOffset(Calendar calendar, VEvent event) {
        VTimeZone zone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .filter(z -> z.getTimeZoneId().getValue().equals(tzid(event, Property.DTSTART)))
                .findFirst().orElseThrow();
        TzOffsetTo offset = zone.getApplicableObservance(instant(event, Property.DTSTART))
                .getRequiredProperty(Property.TZOFFSETTO);
        return offset.getOffset();
    }

    private static int version(String id) {
        return asOrganiser().get("/api/events/{id}", id).then().statusCode(200).extract().path("version");
    }

    private static String created(String title, LocalDateTime start, ZoneId zone, int minutes) {
        return asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("title", title, "startsAt", start.toString(), "timeZone", zone.getId(),
                        "durationMinutes", minutes, "joinUrl", "https://meet.example.org/secret-" + UUID.randomUUID()))
                .post("/api/events")
                .then().statusCode(201).extract().path("id");
    }

    private static String published(String title, LocalDateTime start, ZoneId zone, int minutes) {
        String id = created(title, start, zone, minutes);
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);
        return id;
    }
}
