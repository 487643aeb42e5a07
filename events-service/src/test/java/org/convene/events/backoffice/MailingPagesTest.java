package org.convene.events.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Writing to registrants from the pages, without JavaScript: compose, preview, test, send. */
@QuarkusTest
class MailingPagesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "convene.organiser.email")
    String organiserEmail;

    @Inject
    MessageCodec codec;

    @Test
    void theComposeFormIsReachedFromAPublicEventAndLabelsEveryInput() {
        PageSession organiser = PageSession.signIn();
        String id = BackOfficePagesTest.createDraft(organiser, "Not public yet");
        Document draftPage = Jsoup.parse(organiser.get("/organiser/events/{id}", id).asString());
        assertThat(draftPage.select("a:contains(Write to registrants)")).isEmpty();
        String refused = organiser.get("/organiser/events/{id}/mailings/new", id).then().statusCode(409).extract().asString();
        assertThat(Jsoup.parse(refused).select(".error-summary").text()).contains("publish it");

        organiser.post("/organiser/events/{id}/publish", Map.of(), id).then().statusCode(303);
        Document page = Jsoup.parse(organiser.get("/organiser/events/{id}", id).asString());
        assertThat(page.select("a:contains(Write to registrants)").attr("href")).isEqualTo("/organiser/events/" + id + "/mailings/new");
        assertThat(page.select("#mailings + p").text()).isEqualTo("No messages yet.");

        Document compose = Jsoup.parse(organiser.get("/organiser/events/{id}/mailings/new", id)
                .then().statusCode(200).extract().asString());
        Element form = compose.selectFirst("form[action=/organiser/events/" + id + "/mailings/new]");
        assertThat(form).isNotNull();
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        assertThat(compose.select("label[for=subject]").text()).isEqualTo("Subject");
        assertThat(compose.select("label[for=body]").text()).isEqualTo("Message");
        assertThat(compose.select("textarea#body")).hasSize(1);
        assertThat(compose.select("#body").attr("aria-describedby")).isEqualTo("body-hint");
        assertThat(compose.select("fieldset#audience legend").text()).isEqualTo("Send to");
        var radios = compose.select("input[type=radio][name=audience]");
        assertThat(radios.eachAttr("value")).containsExactly("REGISTERED", "WAITLISTED", "EVERYONE");
        for (Element radio : radios) {
            assertThat(compose.select("label[for=" + radio.id() + "]").text()).as(radio.id()).isNotBlank();
        }
        assertThat(compose.select("input[name=audience][checked]").val()).isEqualTo("REGISTERED");
    }

    @Test
    void aBlankSubjectComesBackWithTheMessageBesideItAndSavesNothing() {
        PageSession organiser = PageSession.signIn();
        String id = publishedEvent(organiser, "Blank subject");
        String body = organiser.post("/organiser/events/{id}/mailings/new",
                Map.of("subject", "   ", "body", "Dear friends,\r\n\r\nSee you there.", "audience", "WAITLISTED"), id)
                .then().statusCode(400).extract().asString();
        Document html = Jsoup.parse(body);
        assertThat(html.title()).startsWith("Error: ");
        assertThat(html.select("#subject-error").text()).isNotBlank();
        assertThat(html.select("#subject").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.select("#subject").attr("aria-describedby")).contains("subject-error");
        assertThat(html.select(".error-summary a[href=#subject]").text()).startsWith("Subject: ");
        // What was typed is kept.
        assertThat(html.select("#body").text()).contains("See you there.");
        assertThat(html.select("input[name=audience][checked]").val()).isEqualTo("WAITLISTED");

        // No audience chosen: the message is beside the radio buttons.
        Document noAudience = Jsoup.parse(organiser.post("/organiser/events/{id}/mailings/new",
                Map.of("subject", "Hello", "body", "Text"), id).then().statusCode(400).extract().asString());
        assertThat(noAudience.select("fieldset#audience #audience-error").text()).isNotBlank();
        assertThat(noAudience.select("fieldset#audience").attr("aria-describedby")).isEqualTo("audience-error");
        asOrganiser().get("/api/events/{id}/mailings", id).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void thePreviewShowsTheParagraphsAsRegistrantsReadThemWithMarkupAsText() {
        PageSession organiser = PageSession.signIn();
        String id = publishedEvent(organiser, "Preview escapes");
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Response saved = organiser.post("/organiser/events/{id}/mailings/new", Map.of("subject", attack + " subject",
                "body", "Dear friends,\r\n\r\n" + attack + " first line\r\nsecond line\r\n  \r\nSee you there.",
                "audience", "REGISTERED"), id);
        saved.then().statusCode(303);
        String mailing = saved.getHeader("Location").replaceAll(".*/mailings/", "");

        String body = organiser.get("/organiser/events/{id}/mailings/{m}", id, mailing).then().statusCode(200).extract().asString();
        Document html = Jsoup.parse(body);
        assertThat(html.select("script")).allSatisfy(s -> assertThat(s.data()).doesNotContain("alert"));
        assertThat(html.select("img[onerror]")).isEmpty();
        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;");
        assertThat(html.select("#message-subject").text()).endsWith(attack + " subject");
        var paragraphs = html.select("article.message p");
        assertThat(paragraphs).hasSize(3);
        assertThat(paragraphs.get(0).text()).isEqualTo("Dear friends,");
        assertThat(paragraphs.get(1).wholeText()).isEqualTo(attack + " first line\nsecond line");
        assertThat(paragraphs.get(2).text()).isEqualTo("See you there.");
        // Not tested yet: a test is offered, the send is not.
        assertThat(html.select("button:contains(Send me a test)")).hasSize(1);
        assertThat(html.select("form[action$=/send]")).isEmpty();
        assertThat(html.select("#test-first").text()).contains("Send yourself a test first");

        // The edit form holds the text as saved.
        Document edit = Jsoup.parse(organiser.get("/organiser/events/{id}/mailings/{m}/edit", id, mailing).asString());
        assertThat(edit.select("#subject").val()).isEqualTo(attack + " subject");
        assertThat(edit.select("form").last().attr("action")).isEqualTo("/organiser/events/" + id + "/mailings/" + mailing + "/edit");
    }

    @Test
    void testedThenSentFromThePagesToTheChosenAudienceCounted() throws Exception {
        PageSession organiser = PageSession.signIn();
        String id = publishedEvent(organiser, "Sent from the pages");
        register(UUID.fromString(id), RegistrationState.REGISTERED, RegistrationState.PROMOTED, RegistrationState.WAITLISTED,
                RegistrationState.CANCELLED);
        await().atMost(Duration.ofSeconds(20)).until(() -> asOrganiser().get("/api/events/{id}", id).jsonPath()
                .getMap("registrations"), counts -> counts.size() == 4);

        Document compose = Jsoup.parse(organiser.get("/organiser/events/{id}/mailings/new", id).asString());
        assertThat(compose.select("label[for=audience-REGISTERED]").text()).endsWith("(2)");
        assertThat(compose.select("label[for=audience-WAITLISTED]").text()).endsWith("(1)");
        assertThat(compose.select("label[for=audience-EVERYONE]").text()).endsWith("(3)");

        Response saved = organiser.post("/organiser/events/{id}/mailings/new",
                Map.of("subject", "Tonight", "body", "Dear friends,\n\nSee you tonight.", "audience", "REGISTERED"), id);
        saved.then().statusCode(303);
        String preview = "/organiser/events/" + id + "/mailings/" + saved.getHeader("Location").replaceAll(".*/mailings/", "");

        // A form from elsewhere sends nothing.
        organiser.postWithoutToken(preview + "/test", Map.of()).then().statusCode(400);
        organiser.post(preview + "/test", Map.of()).then().statusCode(303).header("Location", endsWith(preview));
        Document tested = Jsoup.parse(organiser.get(preview).then().statusCode(200).extract().asString());
        assertThat(tested.select(".facts").text()).contains("Last test").contains(organiserEmail.toLowerCase());
        assertThat(tested.select("form[action=" + preview + "/send] button").text()).isEqualTo("Send to 2 registrants");

        organiser.post(preview + "/send", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/organiser/events/" + id + "#mailings"));
        Document event = Jsoup.parse(organiser.get("/organiser/events/{id}", id).asString());
        var row = event.select("table[aria-labelledby=mailings] tbody tr");
        assertThat(row).hasSize(1);
        assertThat(row.select("a").attr("href")).isEqualTo(preview);
        assertThat(row.select("td").eachText()).contains("Tonight", "Registered", "Sent");
        assertThat(row.select("td").last().text()).isNotEqualTo("–").contains("(Europe/London");

        Document sent = Jsoup.parse(organiser.get(preview).asString());
        assertThat(sent.select("form")).extracting(f -> f.attr("action")).containsExactly("/organiser/sign-out");
        assertThat(sent.select(".preview-banner").text()).startsWith("This message was sent to registrants on");

        String again = organiser.post(preview + "/send", Map.of()).then().statusCode(409).extract().asString();
        assertThat(Jsoup.parse(again).select(".error-summary").text()).contains("already sent");
    }

    private static String publishedEvent(PageSession organiser, String title) {
        String id = BackOfficePagesTest.createDraft(organiser, title);
        organiser.post("/organiser/events/{id}/publish", Map.of(), id).then().statusCode(303);
        return id;
    }

    /** One registration in each state, as registration-service reports them on {@code registrations}. */
    private void register(UUID event, RegistrationState... states) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new StringSerializer())) {
            for (RegistrationState state : states) {
                UUID registration = UUID.randomUUID();
                var change = new RegistrationChanged(registration, event, state, "Name", "someone@example.org", "en",
                        Instant.now(), null, null, null, null);
                var attributes = new CloudEventAttributes(UUID.randomUUID().toString(),
                        MessageType.REGISTRATION_CHANGED.ceType(), "/test", Instant.now());
                producer.send(new ProducerRecord<>(MessageType.REGISTRATION_CHANGED.topic(), null, registration.toString(),
                        codec.write(change), attributes.toHeaders())).get();
            }
        }
    }
}
