package org.convene.events.mailing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.events.TestEvents;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;

/** Organisers' messages to registrants over the API: every rule, and exactly what goes to {@code mailings}. */
@QuarkusTest
class MailingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "convene.organiser.email")
    String organiserEmail;

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                Arguments.of("subject", ""),
                Arguments.of("subject", "   "),
                Arguments.of("subject", "x".repeat(201)),
                Arguments.of("subject", "Two\nlines"),
                Arguments.of("body", ""),
                Arguments.of("body", " \n\n "),
                Arguments.of("body", "x".repeat(20_001)),
                Arguments.of("audience", "FRIENDS"),
                Arguments.of("audience", "registered"),
                Arguments.of("audience", null));
    }

    @ParameterizedTest
    @MethodSource("invalidMessages")
    void anInvalidFieldIsNamedAndNothingIsWritten(String field, Object value) {
        String event = published();
        Map<String, Object> body = new HashMap<>(message("Hello", "EVERYONE"));
        body.put(field, value);
        asOrganiser().body(body).post("/api/events/{id}/mailings", event)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:convene:problem:invalid-input"), "errors.field", equalTo(List.of(field)));
        asOrganiser().get("/api/events/{id}/mailings", event).then().statusCode(200).body("size()", equalTo(0));

        // An edit is held to the same rules and changes nothing.
        String mailing = create(event, message("Hello", "EVERYONE"));
        asOrganiser().body(body).put("/api/events/{id}/mailings/{m}", event, mailing)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of(field)));
        asOrganiser().get("/api/events/{id}/mailings/{m}", event, mailing).then().body("subject", equalTo("Hello"));
    }

    @Test
    void theLongestSubjectAndBodyAreTaken() {
        String event = published();
        var body = Map.of("subject", "s".repeat(200), "body", "b".repeat(20_000), "audience", "WAITLISTED");
        asOrganiser().body(body).post("/api/events/{id}/mailings", event).then().statusCode(201);
    }

    @Test
    void anUnknownEventIsNotFoundAndADraftEventHasNobodyToWriteTo() {
        UUID nowhere = UUID.randomUUID();
        asOrganiser().body(message("Hello", "REGISTERED")).post("/api/events/{id}/mailings", nowhere)
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:convene:problem:not-found"));
        asOrganiser().get("/api/events/{id}/mailings", nowhere).then().statusCode(404).contentType(PROBLEM);

        String draft = created();
        asOrganiser().body(message("Hello", "REGISTERED")).post("/api/events/{id}/mailings", draft)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:convene:problem:conflict"), "detail", containsString("publish it"));
        asOrganiser().get("/api/events/{id}/mailings", draft).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aMailingIsFoundOnlyUnderItsOwnEvent() {
        String event = published();
        String other = published();
        String mailing = create(event, message("Ours", "REGISTERED"));
        for (String path : List.of("/api/events/{id}/mailings/{m}", "/api/events/{id}/mailings/{m}/test",
                "/api/events/{id}/mailings/{m}/send")) {
            String method = path.endsWith("}") ? "GET" : "POST";
            asOrganiser().request(method, path, other, mailing).then().statusCode(404).contentType(PROBLEM);
            asOrganiser().request(method, path, event, UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        }
        asOrganiser().body(message("Theirs", "REGISTERED")).put("/api/events/{id}/mailings/{m}", other, mailing)
                .then().statusCode(404);
        asOrganiser().get("/api/events/{id}/mailings/{m}", event, mailing)
                .then().statusCode(200).body("subject", equalTo("Ours"), "status", equalTo("DRAFT"));
        asOrganiser().get("/api/events/{id}/mailings", other).then().body("size()", equalTo(0));
    }

    @Test
    void aDraftIsWrittenListedAndEdited() {
        String event = published();
        var first = asOrganiser().body(Map.of("subject", "  Tonight's speakers  ",
                "body", "Dear friends,\r\n\r\nOllie Vargas joins us from La Paz.\r\n", "audience", "REGISTERED"))
                .post("/api/events/{id}/mailings", event)
                .then().statusCode(201).contentType("application/json")
                .header("Location", containsString("/api/events/" + event + "/mailings/"))
                .body("eventId", equalTo(event), "status", equalTo("DRAFT"), "audience", equalTo("REGISTERED"),
                        "subject", equalTo("Tonight's speakers"), "createdAt", notNullValue(),
                        "testedAt", nullValue(), "sentAt", nullValue(), "sendId", nullValue())
                .extract().jsonPath();
        // One kind of line break, and no space around the text: as it will be sent.
        assertThat(first.getString("body")).isEqualTo("Dear friends,\n\nOllie Vargas joins us from La Paz.");
        String second = create(event, message("The recording", "EVERYONE"));

        assertThat(asOrganiser().get("/api/events/{id}/mailings", event).then().statusCode(200)
                .extract().jsonPath().getList("id")).containsExactly(second, first.getString("id"));

        asOrganiser().body(message("Tonight's speakers, and a change", "WAITLISTED"))
                .put("/api/events/{id}/mailings/{m}", event, first.getString("id"))
                .then().statusCode(200).body("subject", equalTo("Tonight's speakers, and a change"),
                        "audience", equalTo("WAITLISTED"), "status", equalTo("DRAFT"));
        asOrganiser().get("/api/events/{id}/mailings/{m}", event, first.getString("id"))
                .then().body("subject", equalTo("Tonight's speakers, and a change"));
    }

    @Test
    void aSendNeedsATestOfTheTextAsItIs() {
        String event = published();
        String mailing = create(event, message("Before the meeting", "REGISTERED"));
        asOrganiser().post("/api/events/{id}/mailings/{m}/send", event, mailing)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("Test it first"));

        asOrganiser().post("/api/events/{id}/mailings/{m}/test", event, mailing)
                .then().statusCode(202).body("testedAt", notNullValue(), "status", equalTo("DRAFT"));
        // Another audience is the same email: the test still stands.
        asOrganiser().body(message("Before the meeting", "EVERYONE")).put("/api/events/{id}/mailings/{m}", event, mailing)
                .then().statusCode(200).body("testedAt", notNullValue());
        // Another text is not: it must be tested again.
        asOrganiser().body(message("Before the meeting, changed", "EVERYONE"))
                .put("/api/events/{id}/mailings/{m}", event, mailing)
                .then().statusCode(200).body("testedAt", nullValue());
        asOrganiser().post("/api/events/{id}/mailings/{m}/send", event, mailing)
                .then().statusCode(409).body("detail", containsString("Test it first"));
        asOrganiser().get("/api/events/{id}/mailings/{m}", event, mailing).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void testsGoToTheOrganiserAndTheSendGoesOutOnceToTheAudience() throws Exception {
        String event = published();
        String mailing = create(event, message("Join us tonight", "EVERYONE"));
        asOrganiser().post("/api/events/{id}/mailings/{m}/test", event, mailing).then().statusCode(202);
        asOrganiser().post("/api/events/{id}/mailings/{m}/test", event, mailing).then().statusCode(202);

        // Two requests at once: the mailing's lock lets one through.
        var sends = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> asOrganiser()
                .post("/api/events/{id}/mailings/{m}/send", event, mailing))).toList();
        List<Integer> statuses = sends.stream().map(CompletableFuture::join).map(r -> r.statusCode()).sorted().toList();
        assertThat(statuses).containsExactly(202, 409);
        var sent = asOrganiser().get("/api/events/{id}/mailings/{m}", event, mailing)
                .then().body("status", equalTo("SENT"), "sentAt", notNullValue(), "sendId", notNullValue())
                .extract().jsonPath();

        // Once sent, it is neither sent again, nor tested, nor edited.
        asOrganiser().post("/api/events/{id}/mailings/{m}/send", event, mailing)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:convene:problem:conflict"), "detail", containsString("already sent"));
        asOrganiser().post("/api/events/{id}/mailings/{m}/test", event, mailing).then().statusCode(409);
        asOrganiser().body(message("Changed", "EVERYONE")).put("/api/events/{id}/mailings/{m}", event, mailing)
                .then().statusCode(409);

        // A later message's test, written after all of that, marks how far the topic must be read.
        String later = create(event, message("One more thing", "REGISTERED"));
        asOrganiser().post("/api/events/{id}/mailings/{m}/test", event, later).then().statusCode(202);
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> requestsFor(event), list -> list.stream().anyMatch(r -> mailingOf(r).equals(later)));

        List<JsonNode> requests = records.stream().filter(r -> mailingOf(r).equals(mailing)).map(MailingApiTest::json).toList();
        assertThat(requests).hasSize(3);
        List<JsonNode> tests = requests.subList(0, 2);
        JsonNode send = requests.get(2);
        assertThat(tests).allSatisfy(t -> {
            assertThat(t.get("testTo").asText()).isEqualTo(organiserEmail.toLowerCase(Locale.ROOT));
            assertThat(t.get("audience").asText()).isEqualTo("EVERYONE");
            assertThat(t.get("subject").asText()).isEqualTo("Join us tonight");
        });
        assertThat(tests.get(0).get("sendId").asText()).isNotEqualTo(tests.get(1).get("sendId").asText());
        assertThat(send.get("testTo").isNull()).isTrue();
        assertThat(send.get("sendId").asText()).isEqualTo(sent.getString("sendId"))
                .isNotIn(tests.get(0).get("sendId").asText(), tests.get(1).get("sendId").asText());
        assertThat(send.get("mailingId").asText()).isEqualTo(mailing);
        assertThat(send.get("eventId").asText()).isEqualTo(event);
        assertThat(send.get("audience").asText()).isEqualTo("EVERYONE");
        assertThat(send.get("body").asText()).isEqualTo("Dear friends,\n\nSee you there.");

        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).isEqualTo(event);
            assertThat(CloudEventAttributes.from(record.headers()).type()).isEqualTo(MessageType.MAILING_REQUESTED.ceType());
        }
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream(MessageType.MAILING_REQUESTED.schema())) {
            var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(requests).allSatisfy(r -> assertThat(validator.validate(r)).isEmpty());
        }
    }

    @Test
    void withoutATokenEveryMailingEndpointIsRefused() {
        String event = published();
        String mailing = create(event, message("Hello", "REGISTERED"));
        given().get("/api/events/{id}/mailings", event).then().statusCode(401).contentType(PROBLEM);
        given().get("/api/events/{id}/mailings/{m}", event, mailing).then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body(message("Hello", "REGISTERED")).post("/api/events/{id}/mailings", event)
                .then().statusCode(401);
        given().contentType("application/json").body(message("Changed", "REGISTERED"))
                .put("/api/events/{id}/mailings/{m}", event, mailing).then().statusCode(401);
        given().contentType("application/json").post("/api/events/{id}/mailings/{m}/test", event, mailing).then().statusCode(401);
        given().contentType("application/json").post("/api/events/{id}/mailings/{m}/send", event, mailing).then().statusCode(401);
        asOrganiser().get("/api/events/{id}/mailings", event).then().body("size()", equalTo(1),
                "[0].subject", equalTo("Hello"), "[0].testedAt", nullValue());
    }

    private static Map<String, Object> message(String subject, String audience) {
        return Map.of("subject", subject, "body", "Dear friends,\n\nSee you there.", "audience", audience);
    }

    private static String create(String event, Map<String, Object> message) {
        return asOrganiser().body(message).post("/api/events/{id}/mailings", event).then().statusCode(201).extract().path("id");
    }

    private static String created() {
        return asOrganiser().body(TestEvents.bolivia()).post("/api/events").then().statusCode(201).extract().path("id");
    }

    private static String published() {
        String id = created();
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);
        return id;
    }

    private List<ConsumerRecord<String, String>> requestsFor(String event) {
        return TopicProbe.readAll(kafka, Topics.MAILINGS).stream().filter(r -> event.equals(r.key())).toList();
    }

    private static String mailingOf(ConsumerRecord<String, String> record) {
        return json(record).get("mailingId").asText();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
