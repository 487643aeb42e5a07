package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.event.EventStatus;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class RegistrationPageTest {

    @Inject
    EventsTopic events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private UUID openEvent() {
        return events.openEvent("Bolivia – People Power");
    }

    private static RequestSpecification form(UUID eventId, String name, String email) {
        RequestSpecification request = PageForms.given(eventId).formParam("name", name);
        return email == null ? request : request.formParam("email", email);
    }

    @Test
    void registeringThroughTheFormConfirmsAndPublishesOneValidMessage() throws Exception {
        UUID eventId = openEvent();

        String location = form(eventId, "Ana", "ana@example.org")
                .when().post("/events/{id}/registrations", eventId)
                .then().statusCode(303)
                .header("Location", endsWith("/events/" + eventId + "/registered?outcome=registered"))
                .extract().header("Location");
        given().get(location).then().statusCode(200)
                .body(allOf(containsString("You are registered"), containsString("confirmation email is on its way"),
                        not(containsString(EventsTopic.joinUrl(eventId)))));

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> RegistrationsTopic.messagesFor(kafka, eventId), list -> !list.isEmpty()).get(0);
        CloudEventAttributes ce = CloudEventAttributes.from(record.headers());
        assertThat(ce.type()).isEqualTo(MessageType.REGISTRATION_CHANGED.ceType());
        assertThat(ce.source()).isEqualTo("/registration-service");
        JsonNode value = RegistrationsTopic.json(record.value());
        assertThat(record.key()).isEqualTo(value.get("registrationId").asText());
        assertThat(value.get("state").asText()).isEqualTo("REGISTERED");
        assertThat(value.get("email").asText()).isEqualTo("ana@example.org");
        try (InputStream schema = getClass().getClassLoader()
                .getResourceAsStream(MessageType.REGISTRATION_CHANGED.schema())) {
            String text = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text).validate(value))
                    .isEmpty();
        }

        form(eventId, "Ana", "ANA@example.org").when().post("/events/{id}/registrations", eventId)
                .then().statusCode(303)
                .header("Location", endsWith("/events/" + eventId + "/registered?outcome=again"));
        given().get("/events/{id}/registered?outcome=again", eventId).then().statusCode(200)
                .body(containsString("You were already registered"));
        assertThat(RegistrationsTopic.rowsFor(eventId)).isEqualTo(1);
    }

    @Test
    void anInvalidAddressComesBackBesideItsFieldWithTheValuesKeptAndNothingWritten() {
        UUID eventId = openEvent();

        for (String email : new String[] { "ana@", "\"ana\"@example.org", "", null }) {
            String message = email == null || email.isEmpty() ? "Please enter your email address"
                    : "Please enter an email address like name@example.org";
            Document page = Jsoup.parse(form(eventId, "Ana \"<b>\"", email)
                    .when().post("/events/{id}/registrations", eventId)
                    .then().statusCode(400)
                    .contentType(containsString("text/html"))
                    .extract().asString());
            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.select("[role=alert] a").eachAttr("href")).containsExactly("#email");
            assertThat(page.select("[role=alert] a").text()).isEqualTo("Your email address: " + message);
            assertThat(page.selectFirst("#email-error").text()).isEqualTo(message);
            Element input = page.selectFirst("input#email");
            assertThat(input.attr("value")).isEqualTo(email == null ? "" : email);
            assertThat(input.attr("aria-invalid")).isEqualTo("true");
            assertThat(input.attr("aria-describedby").split(" ")).contains("email-error");
            assertThat(page.selectFirst("input#name").attr("value")).isEqualTo("Ana \"<b>\"");
            assertThat(page.select("#name-error")).isEmpty();
        }
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();

        // The relay sends in order: once a later registration's message is out, an earlier one would be too.
        form(eventId, "Bea", "bea@example.org").post("/events/{id}/registrations", eventId).then().statusCode(303);
        List<ConsumerRecord<String, String>> messages = await().atMost(Duration.ofSeconds(30))
                .until(() -> RegistrationsTopic.messagesFor(kafka, eventId), list -> !list.isEmpty());
        assertThat(messages).hasSize(1);
        assertThat(RegistrationsTopic.json(messages.get(0).value()).get("name").asText()).isEqualTo("Bea");
    }

    @Test
    void anUnknownEventIsANotFoundPage() {
        form(openEvent(), "Ana", "ana@example.org").when().post("/events/{id}/registrations", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Event not found"));
    }

    @Test
    void aCancelledEventAnswersWithTheReason() {
        UUID eventId = openEvent();
        events.publish(EventsTopic.upcoming(eventId, 2, EventStatus.CANCELLED, "Bolivia – People Power"));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/events/{id}", eventId).body().asString().contains("was cancelled"));

        form(eventId, "Ana", "ana@example.org").when().post("/events/{id}/registrations", eventId)
                .then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("Registration for this event is closed: the event was cancelled."));
        assertThat(RegistrationsTopic.rowsFor(eventId)).isZero();
    }
}
