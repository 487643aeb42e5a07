package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.registration.EventsTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A shared link shows the event's title, summary and image, and leads to its readable address. */
@QuarkusTest
class EventSharingTest {

    @Inject
    EventsTopic events;

    @ConfigProperty(name = "convene.public-pages.url")
    String publicPages;

    @Test
    void thePageCarriesOpenGraphAndTwitterCardsAndShareLinksToItsSlugAddress() {
        EventSnapshot event = events.openEvent("Bolivia – People Power & Hope", 200, false, "Friends of Bolivia",
                List.of());
        String address = publicPages + "/events/event-" + event.id();

        Document page = Jsoup.parse(given().get("/events/event-{id}", event.id()).then().statusCode(200)
                .extract().asString());

        assertThat(meta(page, "property", "og:title")).isEqualTo("Bolivia – People Power & Hope");
        assertThat(meta(page, "property", "og:description")).isEqualTo("A summary");
        assertThat(meta(page, "property", "og:url")).isEqualTo(address);
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(address);
        assertThat(page.selectFirst("#event-link").attr("value")).isEqualTo(address);

        List<String> shares = page.select("ul.share a").eachAttr("href");
        assertThat(shares).hasSize(5);
        assertThat(shares).filteredOn(s -> s.startsWith("https://www.facebook.com/sharer/sharer.php?u="))
                .singleElement().satisfies(s -> assertThat(query(s)).isEqualTo("u=" + address));
        assertThat(shares).anySatisfy(s -> assertThat(s).startsWith("https://x.com/intent/post?"))
                .anySatisfy(s -> assertThat(s).startsWith("https://wa.me/?text="))
                .anySatisfy(s -> assertThat(s).startsWith("https://bsky.app/intent/compose?text="));
        assertThat(shares).filteredOn(s -> s.startsWith("mailto:")).singleElement()
                .satisfies(s -> assertThat(URLDecoder.decode(s, StandardCharsets.UTF_8))
                        .contains("subject=Bolivia – People Power & Hope").contains(address));
        // The id works too, and shows the same event.
        assertThat(Jsoup.parse(given().get("/events/{id}", event.id()).then().statusCode(200).extract().asString())
                .selectFirst("h1").text()).isEqualTo("Bolivia – People Power & Hope");
    }

    @Test
    void placesLeftAreShownOnlyWhenTheOrganiserSaysSo() {
        EventSnapshot hidden = events.openEvent("Quiet event", 3, false, "Friends of Bolivia", List.of());
        Registrations.register(hidden.id(), "Ana", "ana@example.org").then().statusCode(201);
        assertThat(Jsoup.parse(given().get("/events/{id}", hidden.id()).asString()).select(".places")).isEmpty();

        EventSnapshot shown = EventsTopic.withDetails(
                EventsTopic.upcoming(java.util.UUID.randomUUID(), 1, hidden.status(), "Open event"), 3, false,
                "Friends of Bolivia", List.of(), true);
        events.publishAndAwait(shown);
        Registrations.register(shown.id(), "Ana", "ana@example.org").then().statusCode(201);
        assertThat(Jsoup.parse(given().get("/events/{id}", shown.id()).asString()).selectFirst(".places").text())
                .isEqualTo("2 places left");
        Registrations.register(shown.id(), "Bea", "bea@example.org").then().statusCode(201);
        assertThat(Jsoup.parse(given().header("Accept-Language", "es").get("/events/{id}", shown.id()).asString())
                .selectFirst(".places").text()).isEqualTo("Queda 1 plaza");
    }

    private static String meta(Document page, String attribute, String name) {
        return page.selectFirst("meta[" + attribute + "=" + name + "]").attr("content");
    }

    private static String query(String link) {
        return URLDecoder.decode(URI.create(link).getRawQuery(), StandardCharsets.UTF_8);
    }
}
