package org.convene.events.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.events.Organisers.asOrganiser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.events.TestEvents;
import org.convene.contracts.MessageType;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The organiser sees how many registered, from the registrations topic, however often it is delivered;
 * an erased registration is counted as erased, without anything of the person.
 */
@QuarkusTest
class RegistrationTallyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MessageCodec codec;

    @Test
    void countsEachRegistrationOnceInItsLatestState() throws Exception {
        String id = asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia()).post("/api/events")
                .then().statusCode(201).extract().path("id");
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);
        UUID event = UUID.fromString(id);
        UUID miriam = UUID.randomUUID();
        UUID ollie = UUID.randomUUID();
        UUID tim = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new StringSerializer())) {
            send(producer, change(miriam, event, RegistrationState.REGISTERED, t0.plusSeconds(1)));
            send(producer, change(ollie, event, RegistrationState.REGISTERED, t0.plusSeconds(1)));
            send(producer, change(ollie, event, RegistrationState.CANCELLED, t0.plusSeconds(2)));
            send(producer, change(miriam, event, RegistrationState.REGISTERED, t0.plusSeconds(1))); // redelivered
            send(producer, change(ollie, event, RegistrationState.REGISTERED, t0)); // older than his cancellation
            send(producer, change(tim, event, RegistrationState.REGISTERED, t0.plusSeconds(3)));
            send(producer, MessageType.REGISTRATION_ERASED, tim, new RegistrationErased(tim, event, t0.plusSeconds(4)));
            send(producer, change(tim, event, RegistrationState.REGISTERED, t0.plusSeconds(3))); // redelivered
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> asOrganiser().get("/api/events/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("registrations"),
                counts -> Map.of("REGISTERED", 1, "CANCELLED", 1, "ERASED", 1).equals(counts));

        // The chart counts each registration arriving in a state once: three registered, one cancelled.
        Document chart = Jsoup.parse(asOrganiser().get("/organiser/events/{id}/chart", id)
                .then().statusCode(200).extract().asString());
        assertThat(chart.select(".key").text()).isEqualTo("registered 3, waitlisted 0, cancelled 1");
        assertThat(chart.select("polyline.registered").attr("points").split(" ")).hasSizeGreaterThan(2);
    }

    private static RegistrationChanged change(UUID registration, UUID event, RegistrationState state, Instant at) {
        return new RegistrationChanged(registration, event, state, "Name", "someone@example.org", "en", at, null, null,
                null, null);
    }

    private void send(KafkaProducer<String, String> producer, RegistrationChanged change) throws Exception {
        send(producer, MessageType.REGISTRATION_CHANGED, change.registrationId(), change);
    }

    private <T> void send(KafkaProducer<String, String> producer, MessageType<T> type, UUID key, T message)
            throws Exception {
        var attributes = new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(), "/test", Instant.now());
        producer.send(new ProducerRecord<>(type.topic(), null, key.toString(), codec.write(message),
                attributes.toHeaders())).get();
    }
}
