package org.convene.registration.catalogue;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventDetails;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.event.Person;
import org.convene.registration.EventsTopic;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The public page says what the organiser wrote about the event, safely, and what became of it. */
@QuarkusTest
class EventPageTest {

    @Inject
    EventsTopic events;

    private static EventSnapshot withDetails(UUID id, long version, EventStatus status, String notice,
            String recordingUrl, String descriptionHtml) {
        EventSnapshot base = EventsTopic.upcoming(id, version, status, "Bolivia – People Power, Hope & Solidarity");
        EventDetails details = new EventDetails("bolivia-people-power", "Six months since the election victory.",
                descriptionHtml, "https://friendsofbolivia.example/poster.jpg", "Wiphala flags at a rally",
                "https://live.example.org/bolivia", "Friends of Bolivia",
                List.of("Labour Friends of Progressive Latin America"),
                new Person("Christine Blower", "Labour Friends of Progressive Latin America"),
                List.of(new Person("Ollie Vargas", "Kawsachun News"), new Person("Jeremy Corbyn", "MP")),
                1500, true, List.of(1440, 60), List.of("en", "es"), true, false);
        return new EventSnapshot(id, version, status, base.title(), base.startsAt(), base.timeZone(),
                base.durationMinutes(), base.joinUrl(), notice, recordingUrl, null, details);
    }

    @Test
    void showsTheOrganisersDetailsWithoutAnythingUnsafeOrPrivate() {
        UUID id = UUID.randomUUID();
        events.publishAndAwait(withDetails(id, 1, EventStatus.PUBLISHED, null, null,
                "<p>With <em>eyewitness</em> speakers.</p><script>alert('x')</script><p onclick=\"steal()\">More</p>"));

        given().get("/events/{id}", id).then().statusCode(200).body(allOf(
                containsString("Hosted by Friends of Bolivia with the support of Labour Friends of Progressive Latin America"),
                containsString("<strong>Christine Blower</strong> (chair)"),
                containsString("<strong>Ollie Vargas</strong>, Kawsachun News"),
                containsString("alt=\"Wiphala flags at a rally\""),
                containsString("<p>With <em>eyewitness</em> speakers.</p>"),
                containsString("Watch the livestream"),
                not(containsString("<script>alert")),
                not(containsString("onclick")),
                not(containsString(EventsTopic.joinUrl(id)))));
    }

    @Test
    void htmlInEveryTextTheOrganiserWroteIsShownAsText() {
        UUID id = UUID.randomUUID();
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        EventSnapshot base = EventsTopic.upcoming(id, 1, EventStatus.RESCHEDULED, attack + " title");
        EventDetails details = new EventDetails("hostile", attack + " summary", null,
                "https://images.example.org/a.jpg", attack + "\" onload=\"alert(1)", null, attack + " host",
                List.of(attack + " supporter"), new Person(attack + " chair", attack + " affiliation"),
                List.of(new Person(attack + " speaker", attack)), null, false, List.of(60), List.of("en"), false, false);
        events.publishAndAwait(new EventSnapshot(id, 1, EventStatus.RESCHEDULED, base.title(), base.startsAt(),
                base.timeZone(), base.durationMinutes(), base.joinUrl(), attack + " notice", null, null, details));

        for (String page : List.of("/", "/events/" + id)) {
            given().get(page).then().statusCode(200).body(allOf(
                    containsString("&lt;script&gt;alert("),
                    not(containsString("<script>alert")),
                    not(containsString("<img src=x")),
                    not(containsString("\" onload=\""))));
        }
    }

    @Test
    void aCancelledEventSaysWhyAndACompletedOneLinksItsRecording() {
        UUID cancelled = UUID.randomUUID();
        events.publishAndAwait(withDetails(cancelled, 1, EventStatus.PUBLISHED, null, null, null));
        events.publish(withDetails(cancelled, 2, EventStatus.CANCELLED, "Called off: the speakers cannot travel.",
                null, null));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/events/{id}", cancelled).asString().contains("has been cancelled"));
        given().get("/events/{id}", cancelled).then().statusCode(200).body(allOf(
                containsString("This event has been cancelled."),
                containsString("Called off: the speakers cannot travel."),
                not(containsString("<form"))));

        UUID completed = UUID.randomUUID();
        events.publishAndAwait(withDetails(completed, 3, EventStatus.COMPLETED, null,
                "https://video.example.org/bolivia", null));
        given().get("/events/{id}", completed).then().statusCode(200)
                .body(containsString("href=\"https://video.example.org/bolivia\""));
    }
}
