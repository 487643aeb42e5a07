package org.convene.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.events.Organisers.asOrganiser;

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
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.delivery.EmailsScheduled;
import org.convene.events.TestEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The organiser sees how many of each email were sent, are pending and did not go, from the
 * deliveries topic, each message counted once however often it is delivered; and never to whom.
 */
@QuarkusTest
class EmailTallyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MessageCodec codec;

    @Test
    void countsEachEmailOnceByKindInTheApiAndOnThePage() throws Exception {
        String id = publishedEvent();
        UUID event = UUID.fromString(id);
        UUID miriam = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);

        // As notification-service tells them: per transaction, summed per event and kind.
        String confirmationsCounted = UUID.randomUUID().toString();
        EmailsCounted confirmations = new EmailsCounted(event, EmailKind.CONFIRMATION, 3, 1, 0, 1, 0, 0, t0);
        try (var producer = producer()) {
            send(producer, confirmationsCounted, MessageType.EMAILS_COUNTED, event, confirmations);
            // Four reminders promised and one taken back (its registrant cancelled); of the three, one sent,
            // one dropped (too late to go before the start) and one suppressed (unsubscribed).
            send(producer, UUID.randomUUID().toString(), MessageType.EMAILS_COUNTED, event,
                    new EmailsCounted(event, EmailKind.REMINDER, 4, 0, 0, 0, 0, 0, t0));
            send(producer, UUID.randomUUID().toString(), MessageType.EMAILS_COUNTED, event,
                    new EmailsCounted(event, EmailKind.REMINDER, -1, 1, 0, 0, 1, 1, t0.plusSeconds(2)));
            // Promised and all taken back: nothing to show.
            send(producer, UUID.randomUUID().toString(), MessageType.EMAILS_COUNTED, event,
                    new EmailsCounted(event, EmailKind.FOLLOW_UP, 2, 0, 0, 0, 0, 0, t0));
            send(producer, UUID.randomUUID().toString(), MessageType.EMAILS_COUNTED, event,
                    new EmailsCounted(event, EmailKind.FOLLOW_UP, -2, 0, 0, 0, 0, 0, t0.plusSeconds(1)));
        }

        Map<String, Object> confirmation = counts(1, 1, 0, 1, 0, 0);
        Map<String, Object> reminder = counts(1, 0, 0, 0, 1, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> emails(id),
                Map.of("confirmation", confirmation, "reminder", reminder)::equals);

        // Redelivered, then followed on its partition (same key) by messages of the kinds written before
        // an upgrade, one per email outcome, which still count.
        try (var producer = producer()) {
            send(producer, confirmationsCounted, MessageType.EMAILS_COUNTED, event, confirmations);
            send(producer, UUID.randomUUID().toString(), MessageType.EMAILS_SCHEDULED, event,
                    new EmailsScheduled(event, EmailKind.RESCHEDULED, 2, t0.plusSeconds(3)));
            send(producer, UUID.randomUUID().toString(), MessageType.DELIVERY_RECORDED, event,
                    new DeliveryRecorded(miriam, event, EmailKind.RESCHEDULED, DeliveryOutcome.FAILED,
                            t0.plusSeconds(4)));
        }
        Map<String, Object> rescheduled = counts(0, 1, 1, 0, 0, 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> emails(id),
                counts -> rescheduled.equals(counts.get("rescheduled")));
        assertThat(emails(id)).isEqualTo(Map.of("confirmation", confirmation, "reminder", reminder,
                "rescheduled", rescheduled));

        // The page: each kind in words, failed and bounced together, dropped and suppressed as not sent.
        Document page = Jsoup.parse(asOrganiser().get("/organiser/events/{id}", id)
                .then().statusCode(200).extract().asString());
        Element table = page.selectFirst("table[aria-labelledby=emails]");
        assertThat(page.select("#emails").text()).isEqualTo("Emails");
        assertThat(table.select("thead th[scope=col]").eachText())
                .containsExactly("Email", "Sent", "Pending", "Failed", "Not sent");
        assertThat(table.select("tbody tr").stream().map(row -> row.select("th[scope=row], td").eachText()).toList())
                .containsExactly(
                        List.of("Confirmation of registration", "1", "1", "1", "0"),
                        List.of("Reminder", "1", "0", "0", "2"),
                        List.of("New time", "0", "1", "1", "0"));
        // Counts only: the registration an old outcome message named is shown nowhere.
        String everything = asOrganiser().get("/api/events/{id}", id).asString() + page.html();
        assertThat(everything).doesNotContain(miriam.toString());
    }

    @Test
    void anEventWithoutEmailsShowsNoneAndTheApiDocumentsThem() {
        String id = publishedEvent();
        assertThat(emails(id)).isEmpty();
        Document page = Jsoup.parse(asOrganiser().get("/organiser/events/{id}", id)
                .then().statusCode(200).extract().asString());
        assertThat(page.select("#emails")).isEmpty();
        assertThat(page.select("table[aria-labelledby=emails]")).isEmpty();

        var openApi = asOrganiser().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(openApi.getString("components.schemas.EventView.properties.emails.description"))
                .contains("counts only");
        assertThat(openApi.getMap("components.schemas.EmailCounts.properties"))
                .containsOnlyKeys("sent", "pending", "failed", "bounced", "dropped", "suppressed");
    }

    private static String publishedEvent() {
        String id = asOrganiser().contentType(ContentType.JSON).body(TestEvents.bolivia()).post("/api/events")
                .then().statusCode(201).extract().path("id");
        asOrganiser().post("/api/events/{id}/publish", id).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> emails(String id) {
        return asOrganiser().get("/api/events/{id}", id).then().statusCode(200).extract().jsonPath().getMap("emails");
    }

    private static Map<String, Object> counts(int sent, int pending, int failed, int bounced, int dropped,
            int suppressed) {
        return Map.of("sent", sent, "pending", pending, "failed", failed, "bounced", bounced, "dropped", dropped,
                "suppressed", suppressed);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new StringSerializer());
    }

    /** As notification-service's outbox writes it; a redelivery carries the same {@code ce_id}. */
    private <T> void send(KafkaProducer<String, String> producer, String ceId, MessageType<T> type, UUID key,
            T message) throws Exception {
        var attributes = new CloudEventAttributes(ceId, type.ceType(), "/notification-service", Instant.now());
        producer.send(new ProducerRecord<>(type.topic(), null, key.toString(), codec.write(message),
                attributes.toHeaders())).get();
    }
}
