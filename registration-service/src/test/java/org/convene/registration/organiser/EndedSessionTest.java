package org.convene.registration.organiser;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.session.SessionEnded;
import org.convene.registration.EventsTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A session that events-service ended (a sign-out, a changed password) is refused here too, and only that one. */
@QuarkusTest
class EndedSessionTest {

    @Inject
    EventsTopic events;

    @Inject
    MessageCodec codec;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aTokenOfASessionThatEndedIsRefusedThoughItHasNotExpired() throws Exception {
        UUID eventId = events.openEvent("Signed out", null, false, "Friends of Bolivia", List.of()).id();
        UUID organiser = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        String signedOut = OrganiserTokens.claims(organiser, ended).sign();
        String otherDevice = OrganiserTokens.claims(organiser, UUID.randomUUID()).sign();
        given().auth().oauth2(signedOut).get("/api/registrants/{id}", eventId).then().statusCode(200);

        SessionEnded end = new SessionEnded(ended, organiser, Instant.now().plusSeconds(900), Instant.now());
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SESSIONS, null, ended.toString(), codec.write(end),
                    new CloudEventAttributes(UUID.randomUUID().toString(), MessageType.SESSION_ENDED.ceType(), "/test",
                            Instant.now()).toHeaders())).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().auth().oauth2(signedOut).get("/api/registrants/{id}", eventId).statusCode() == 401);
        given().auth().oauth2(otherDevice).get("/api/registrants/{id}", eventId).then().statusCode(200);
    }
}
