package org.convene.events.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.events.TestEvents;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Asking for an event's failed emails again: one request on {@code mailings}, organisers only. */
@QuarkusTest
class EmailResendApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aResendIsOneRequestOnTheMailingsTopicWithWhatWasChosen() throws Exception {
        String event = asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia()).post("/api/events")
                .then().statusCode(201).extract().path("id");
        String requestId = asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("kind", "CONFIRMATION", "failedSince", "2026-12-07T08:00:00Z"))
                .post("/api/events/{id}/emails/resend", event)
                .then().statusCode(202).body("requestId", notNullValue(), "eventId", equalTo(event),
                        "kind", equalTo("CONFIRMATION"))
                .extract().path("requestId");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> TopicProbe.readAll(kafka, Topics.MAILINGS).stream().filter(r -> event.equals(r.key())).toList(),
                list -> !list.isEmpty()).get(0);
        assertThat(CloudEventAttributes.from(record.headers()).type())
                .isEqualTo(MessageType.EMAILS_RESEND_REQUESTED.ceType());
        JsonNode value = JSON.readTree(record.value());
        assertThat(value.get("requestId").asText()).isEqualTo(requestId);
        assertThat(value.get("kind").asText()).isEqualTo("CONFIRMATION");
        assertThat(value.get("failedSince").asText()).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(value.get("failedBefore").isNull()).isTrue();
        try (InputStream schema = getClass().getClassLoader()
                .getResourceAsStream(MessageType.EMAILS_RESEND_REQUESTED.schema())) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(schema.readAllBytes(), StandardCharsets.UTF_8)).validate(value)).isEmpty();
        }
    }

    @Test
    void aBadChoiceIsAProblemAndSendsNothing() {
        String event = asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia()).post("/api/events")
                .then().statusCode(201).extract().path("id");
        asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("failedSince", "2026-12-07T12:00:00Z", "failedBefore", "2026-12-07T08:00:00Z"))
                .post("/api/events/{id}/emails/resend", event)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("failedBefore")));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("kind", "POSTCARD"))
                .post("/api/events/{id}/emails/resend", event)
                .then().statusCode(400).contentType("application/problem+json");
        asOrganiser().contentType(ContentType.JSON).body(Map.of())
                .post("/api/events/{id}/emails/resend", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/events/{id}/emails/resend", event)
                .then().statusCode(401);
        assertThat(TopicProbe.readAll(kafka, Topics.MAILINGS).stream().filter(r -> event.equals(r.key()))).isEmpty();
    }
}
