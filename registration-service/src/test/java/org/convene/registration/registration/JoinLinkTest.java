package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.registration.registration.Registrations.register;
import static org.convene.registration.registration.Registrations.stored;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.platform.time.EventTime;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A registrant's own joining link leads into the event while it is on, recording once that they came;
 * at any other time, and for anyone without a place, it says why not and never shows the event's link.
 * Events start near the real time rather than the clock being moved.
 */
@QuarkusTest
class JoinLinkTest {

    private static final String ZONE = "Europe/London";

    @Inject
    EventsTopic events;

    @Inject
    JoinLinks links;

    @Inject
    CancelLinks cancelLinks;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** A published event starting {@code fromNow} from now (negative: started that long ago), once its page is up. */
    private EventSnapshot eventStarting(Duration fromNow, int minutes) {
        UUID id = UUID.randomUUID();
        EventSnapshot snapshot = new EventSnapshot(id, 1, EventStatus.PUBLISHED, "Solidarity call",
                OffsetDateTime.now(ZoneOffset.UTC).plus(fromNow).withNano(0), ZONE, minutes, EventsTopic.joinUrl(id));
        events.publishAndAwait(snapshot);
        return snapshot;
    }

    private static UUID registered(UUID eventId, String name) {
        return UUID.fromString(register(eventId, name, name.toLowerCase(Locale.ROOT) + "@example.org")
                .then().statusCode(201).extract().path("id"));
    }

    /** Following nothing: a redirect is the answer under test. */
    private static RequestSpecification visitor() {
        return given().redirects().follow(false);
    }

    private static List<String> statesOf(String kafka, UUID eventId, UUID registrationId) {
        return RegistrationsTopic.messagesFor(kafka, eventId).stream().map(m -> RegistrationsTopic.json(m.value()))
                .filter(m -> registrationId.toString().equals(m.path("registrationId").asText()))
                .map(m -> m.path("state").asText()).toList();
    }

    @Test
    void inTheWindowTheLinkFromTheMessageLeadsInAndRecordsAttendanceOnce() {
        EventSnapshot event = eventStarting(Duration.ofMinutes(5), 60);
        UUID id = registered(event.id(), "Ana");

        String joinUrl = await().atMost(Duration.ofSeconds(30))
                .until(() -> RegistrationsTopic.messagesFor(kafka, event.id()), list -> !list.isEmpty()).stream()
                .map(m -> RegistrationsTopic.json(m.value()).get("joinUrl").asText()).findFirst().orElseThrow();
        assertThat(joinUrl).contains("/join/" + id + "?token=").isNotEqualTo(event.joinUrl());
        String path = joinUrl.substring(joinUrl.indexOf("/join/"));

        visitor().get(path).then().statusCode(303)
                .header("Location", equalTo(event.joinUrl()))
                .header("Cache-Control", equalTo("no-store"));
        Instant attendedAt = stored(id).attendedAt;
        assertThat(attendedAt).isNotNull();
        visitor().get(path).then().statusCode(303).header("Location", equalTo(event.joinUrl()));
        assertThat(stored(id).attendedAt).isEqualTo(attendedAt);
        assertThat(stored(id).state).isEqualTo(RegistrationState.REGISTERED);

        // A later message of the same event, once published, comes after anything the visits wrote.
        UUID later = registered(event.id(), "Bea");
        await().atMost(Duration.ofSeconds(30)).until(() -> statesOf(kafka, event.id(), later), s -> !s.isEmpty());
        assertThat(statesOf(kafka, event.id(), id)).containsExactly("REGISTERED", "ATTENDED");
        assertThat(RegistrationsTopic.messagesFor(kafka, event.id())).allSatisfy(m -> assertThat(
                RegistrationsTopic.json(m.value()).get("joinUrl").asText()).contains("/join/"));

        // The event's page, now that it is on, still keeps its link private.
        given().get("/events/{id}", event.id()).then().statusCode(200)
                .body(not(containsString(event.joinUrl())));
    }

    @Test
    void beforeTheWindowThePageSaysWhenToComeBack() {
        EventSnapshot event = eventStarting(Duration.ofHours(2), 60);
        UUID id = registered(event.id(), "Ana");
        Instant opens = event.startsAt().toInstant().minus(Duration.ofMinutes(15));

        visitor().get(JoinLinks.path(id) + "?token=" + links.token(id)).then().statusCode(200)
                .header("Location", nullValue())
                .body(allOf(containsString("It is not time to join yet"),
                        containsString("Your joining link opens on"),
                        containsString(EventTime.describe(opens, ZoneId.of(ZONE), Locale.ENGLISH)
                                + "</time>, 15 minutes before the start."),
                        containsString("come back then"),
                        not(containsString(event.joinUrl()))));
        visitor().header("Accept-Language", "es").get(JoinLinks.path(id) + "?token=" + links.token(id)).then()
                .statusCode(200)
                .body(allOf(containsString("Todavía no es hora de entrar"),
                        containsString(EventTime.describe(opens, ZoneId.of(ZONE), Locale.of("es"))),
                        not(containsString(event.joinUrl()))));
        assertThat(stored(id).attendedAt).isNull();
    }

    @Test
    void afterTheEndThePageSaysSoWithTheRecordingOnceThereIsOne() {
        EventSnapshot event = eventStarting(Duration.ofMinutes(5), 60);
        UUID id = registered(event.id(), "Ana");
        String path = JoinLinks.path(id) + "?token=" + links.token(id);
        OffsetDateTime twoHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0);

        // Moved into the past: over by the time alone.
        events.publish(new EventSnapshot(event.id(), 2, EventStatus.RESCHEDULED, event.title(), twoHoursAgo, ZONE, 60,
                event.joinUrl()));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/events/{id}", event.id()).body().asString().contains("the event has ended"));
        visitor().get(path).then().statusCode(200).header("Location", nullValue())
                .body(allOf(containsString("has ended"), not(containsString("Watch the recording")),
                        not(containsString(event.joinUrl()))));

        events.publish(new EventSnapshot(event.id(), 3, EventStatus.COMPLETED, event.title(), twoHoursAgo, ZONE, 60,
                event.joinUrl(), null, "https://video.example.org/recording", null, null));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/events/{id}", event.id()).body().asString().contains("Watch the recording"));
        visitor().get(path).then().statusCode(200).header("Location", nullValue())
                .body(allOf(containsString("has ended"), containsString("https://video.example.org/recording"),
                        not(containsString(event.joinUrl()))));
        assertThat(stored(id).attendedAt).isNull();
    }

    @Test
    void aLinkThatIsNotValidIsRefusedInTheVisitorsLanguage() {
        EventSnapshot event = eventStarting(Duration.ofMinutes(5), 60);
        UUID ana = registered(event.id(), "Ana");
        UUID bea = registered(event.id(), "Bea");
        String beasToken = links.token(bea);
        String altered = (beasToken.charAt(0) == 'A' ? "B" : "A") + beasToken.substring(1);

        for (String token : new String[] { altered, links.token(ana), cancelLinks.token(bea), "", "not base64 !" }) {
            visitor().queryParam("token", token).get(JoinLinks.path(bea)).then().statusCode(400)
                    .header("Location", nullValue())
                    .body(allOf(containsString("This link does not work"), not(containsString(event.joinUrl()))));
        }
        visitor().get(JoinLinks.path(bea)).then().statusCode(400).header("Location", nullValue());
        UUID unknown = UUID.randomUUID();
        visitor().queryParam("token", links.token(unknown)).get(JoinLinks.path(unknown)).then().statusCode(400);
        visitor().header("Accept-Language", "es").queryParam("token", altered).get(JoinLinks.path(bea)).then()
                .statusCode(400).body(containsString("Este enlace no funciona"));
        assertThat(stored(bea).attendedAt).isNull();
    }

    @Test
    void noWayInWithoutAPlaceOrOnceTheEventIsCancelled() {
        EventSnapshot event = EventsTopic.withDetails(new EventSnapshot(UUID.randomUUID(), 1, EventStatus.PUBLISHED,
                "Small call", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).withNano(0), ZONE, 60,
                "https://meet.example.org/small-" + UUID.randomUUID()), 1, true, "Friends of Bolivia", List.of());
        events.publishAndAwait(event);
        UUID ana = registered(event.id(), "Ana");
        UUID bea = registered(event.id(), "Bea");
        assertThat(stored(bea).state).isEqualTo(RegistrationState.WAITLISTED);

        visitor().queryParam("token", links.token(bea)).get(JoinLinks.path(bea)).then().statusCode(200)
                .header("Location", nullValue())
                .body(allOf(containsString("You are on the waitlist"), not(containsString(event.joinUrl()))));

        // Ana cancels, so Bea gets her place; Ana's link no longer leads in.
        given().formParam("token", cancelLinks.token(ana)).post("/registrations/{id}/cancel", ana)
                .then().statusCode(200);
        visitor().queryParam("token", links.token(ana)).get(JoinLinks.path(ana)).then().statusCode(200)
                .header("Location", nullValue())
                .body(allOf(containsString("Your registration is cancelled"), not(containsString(event.joinUrl()))));
        assertThat(stored(ana).attendedAt).isNull();
        visitor().queryParam("token", links.token(bea)).get(JoinLinks.path(bea)).then().statusCode(303)
                .header("Location", equalTo(event.joinUrl()));

        events.publish(new EventSnapshot(event.id(), 2, EventStatus.CANCELLED, event.title(), event.startsAt(), ZONE,
                60, event.joinUrl(), "Called off.", null, null, event.details()));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/events/{id}", event.id()).body().asString().contains("the event was cancelled"));
        visitor().queryParam("token", links.token(bea)).get(JoinLinks.path(bea)).then().statusCode(200)
                .header("Location", nullValue())
                .body(allOf(containsString("The event was cancelled"), containsString("Called off."),
                        not(containsString(event.joinUrl()))));
    }
}
