package org.convene.registration.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.registration.EventsTopic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogueTest {

    @Inject
    EventsTopic events;

    @Test
    void theEventPageShowsTitleAndTimeWithOffsetButNeverTheJoinUrl() {
        UUID id = UUID.randomUUID();
        String joinUrl = EventsTopic.joinUrl(id);
        events.publishAndAwait(new EventSnapshot(id, 2, EventStatus.PUBLISHED,
                "Bolivia – People Power, Hope & Solidarity <em>live</em>",
                OffsetDateTime.parse("2040-07-16T17:30:00Z"), "Europe/London", 90, joinUrl));

        String page = given().get("/events/{id}", id)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(
                        containsString("Bolivia – People Power, Hope &amp; Solidarity &lt;em&gt;live&lt;/em&gt;"),
                        containsString("Monday 16 July 2040, 18:30 (Europe/London, UTC+01:00)"),
                        containsString("1 hour 30 minutes"),
                        containsString("name=\"viewport\""),
                        not(containsString(joinUrl)),
                        not(containsString("<em>"))))
                .extract().asString();
        Element form = Jsoup.parse(page).selectFirst("form[method=post]");
        assertThat(form.attr("action")).isEqualTo("/events/" + id + "/registrations");
        assertThat(form.select("label[for=name]")).hasSize(1);
        assertThat(form.select("label[for=email]")).hasSize(1);
        assertThat(form.selectFirst("input#name").attr("autocomplete")).isEqualTo("name");
        assertThat(form.selectFirst("input#email").attr("type")).isEqualTo("email");
        assertThat(form.selectFirst("input#email").attr("autocomplete")).isEqualTo("email");

        given().get("/")
                .then().statusCode(200)
                .body(allOf(
                        containsString("<a href=\"/events/" + id + "\">Bolivia – People Power"),
                        containsString("Monday 16 July 2040, 18:30 (Europe/London, UTC+01:00)"),
                        not(containsString(joinUrl))));
    }

    @Test
    void anUnknownEventPageIsNotFound() {
        given().get("/events/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Event not found"));
    }

    @Test
    void anOlderOrEqualVersionChangesNothingAndANewerOneApplies() {
        UUID id = UUID.randomUUID();
        events.publishAndAwait(EventsTopic.upcoming(id, 3, EventStatus.PUBLISHED, "Current title"));

        events.publish(EventsTopic.upcoming(id, 2, EventStatus.PUBLISHED, "Stale title"));
        events.publish(EventsTopic.upcoming(id, 3, EventStatus.PUBLISHED, "Same version title"));
        // Sent after the two above on the same partition: once it is in, they have been handled.
        events.publishAndAwait(EventsTopic.upcoming(UUID.randomUUID(), 1, EventStatus.PUBLISHED, "Marker"));

        given().get("/events/{id}", id).then().statusCode(200)
                .body(allOf(containsString("Current title"), not(containsString("Stale title")),
                        not(containsString("Same version title"))));

        events.publish(EventsTopic.upcoming(id, 4, EventStatus.RESCHEDULED, "Renamed title"));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/events/{id}", id).body().asString().contains("Renamed title"));
    }

    @Test
    void malformedMessagesAreSkippedWithoutStoppingTheCatalogue() {
        UUID bad = UUID.randomUUID();
        String valid = "{\"id\":\"" + bad + "\"}";
        events.send(bad.toString(), "{\"id\": not json", EventsTopic.snapshotHeaders());
        events.send(bad.toString(), valid);
        events.send(bad.toString(), valid, new CloudEventAttributes(UUID.randomUUID().toString(),
                MessageType.REGISTRATION_CHANGED.ceType(), "/test", Instant.now()).toHeaders());
        events.send(bad.toString(), valid, EventsTopic.snapshotHeaders());
        events.send(bad.toString(), null);

        UUID good = UUID.randomUUID();
        events.publishAndAwait(EventsTopic.upcoming(good, 1, EventStatus.PUBLISHED, "After the bad ones"));

        given().get("/events/{id}", good).then().statusCode(200).body(containsString("After the bad ones"));
        given().get("/events/{id}", bad).then().statusCode(404);
    }
}
