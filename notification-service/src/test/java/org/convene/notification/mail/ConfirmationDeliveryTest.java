package org.convene.notification.mail;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.cloudevents.DeadLetterHeaders;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.localstack.TopicProbe;
import org.convene.notification.TopicWriter;
import org.convene.notification.TopicsAndMailbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** From the events and registrations topics to an email in the SMTP server and a delivery record. */
@QuarkusTest
class ConfirmationDeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MessageCodec codec;

    @Inject
    TopicsAndMailbox ends;

    @Test
    void aRegistrantGetsOneConfirmationWithTheTimeAndTheJoiningLink() {
        EventSnapshot event = ends.publishEvent("Bolivia – People Power, Hope & Solidarity");
        String email = TopicsAndMailbox.uniqueAddress();

        register(event.id(), "Ana Quispe", email);

        CapturedMail mail = onlyMailTo(email);
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.subject()).isEqualTo("You're registered: " + event.title());
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Ana Quispe", "18:30", "Europe/London", event.joinUrl(), "1 hour 30 minutes");
        }
        assertThat(mail.text()).contains(event.title());
        assertThat(mail.html()).contains("Bolivia – People Power, Hope &amp; Solidarity")
                .contains("href=\"" + event.joinUrl() + "\"");
    }

    @Test
    void aSentConfirmationIsCountedOnTheDeliveriesTopicWithoutPersonalData() throws Exception {
        EventSnapshot event = ends.publishEvent("Delivery records");
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event.id(), "Bea Mamani", email).registrationId();

        List<ConsumerRecord<String, String>> records = await().atMost(TopicsAndMailbox.PATIENCE)
                .until(() -> deliveriesOf(event.id()), list -> sentConfirmations(list) == 1);

        String schemaText;
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream(MessageType.EMAILS_COUNTED.schema())) {
            schemaText = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (ConsumerRecord<String, String> record : records) {
            assertThat(CloudEventAttributes.from(record.headers()).type()).isEqualTo(MessageType.EMAILS_COUNTED.ceType());
            assertThat(record.value()).doesNotContain(email).doesNotContain("Bea Mamani")
                    .doesNotContain(registration.toString());
            JsonNode value = new ObjectMapper().readTree(record.value());
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText)
                    .validate(value)).isEmpty();
        }
        assertThat(onlyMailTo(email).to()).containsExactly(email);
    }

    private int sentConfirmations(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> codec.read(MessageType.EMAILS_COUNTED, record).payload())
                .filter(counted -> counted.kind() == EmailKind.CONFIRMATION).mapToInt(EmailsCounted::sent).sum();
    }

    @Test
    void sentEmailsAreCountedForPrometheusByKindAndOutcome() {
        double before = sentConfirmations();
        EventSnapshot event = ends.publishEvent("Counted for Prometheus");
        String email = TopicsAndMailbox.uniqueAddress();

        register(event.id(), "Ines Huanca", email);

        onlyMailTo(email);
        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> sentConfirmations() >= before + 1);
    }

    private static double sentConfirmations() {
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("convene_emails_total{")
                        && line.contains("kind=\"confirmation\"") && line.contains("outcome=\"sent\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aRedeliveredRegistrationSendsNothingMore() {
        EventSnapshot event = ends.publishEvent("Redelivery");
        String first = TopicsAndMailbox.uniqueAddress();
        RegistrationChanged registered = registered(event.id(), "Carla Flores", first);
        CloudEventAttributes attributes = TopicWriter.attributes(MessageType.REGISTRATION_CHANGED);
        RecordMetadata original = ends.topics().send(MessageType.REGISTRATION_CHANGED, null,
                registered.registrationId().toString(), registered, attributes);
        onlyMailTo(first);

        // Same partition: the consumer sees the repeats before the registration that follows them.
        int partition = original.partition();
        ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, registered.registrationId().toString(), registered,
                attributes);
        ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, registered.registrationId().toString(), registered,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));
        String second = TopicsAndMailbox.uniqueAddress();
        RegistrationChanged next = registered(event.id(), "Dora Choque", second);
        ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, next.registrationId().toString(), next,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));
        onlyMailTo(second);

        assertThat(ends.mailbox().to(first)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> ScheduledEmail.count("registrationId = ?1 and kind = ?2", registered.registrationId(),
                        EmailKind.CONFIRMATION))).isEqualTo(1);
    }

    @Test
    void aRegistrationThatArrivesBeforeItsEventIsConfirmedOnceTheEventIsKnown() {
        EventSnapshot event = TopicsAndMailbox.snapshot("Early bird");
        String email = TopicsAndMailbox.uniqueAddress();
        UUID registration = register(event.id(), "Eva Torrez", email).registrationId();

        await().atMost(TopicsAndMailbox.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ScheduledEmail.count("registrationId = ?1 and status = ?2", registration, EmailStatus.PENDING))
                == 1);
        assertThat(ends.mailbox().to(email)).isEmpty();

        ends.topics().send(MessageType.EVENT_SNAPSHOT, event.id().toString(), event);

        assertThat(onlyMailTo(email).subject()).isEqualTo("You're registered: Early bird");
    }

    @Test
    void aLineBreakInATitleDoesNotStartAHeader() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        EventSnapshot event = ends.publishEvent("Rally " + marker + "\r\nBcc: evil@example.org");
        String email = TopicsAndMailbox.uniqueAddress();

        register(event.id(), "Flor Apaza", email);

        CapturedMail mail = onlyMailTo(email);
        assertThat(mail.header("bcc")).isNull();
        assertThat(mail.subject()).isEqualTo("You're registered: Rally " + marker + " Bcc: evil@example.org");
        assertThat(ends.mailbox().to("evil@example.org")).isEmpty();
        assertThat(ends.mailbox().all()).filteredOn(m -> m.subject() != null && m.subject().contains(marker)).hasSize(1);
    }

    @Test
    void aMalformedRegistrationIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() {
        EventSnapshot event = ends.publishEvent("Robustness");
        int partition = 0;
        String key = UUID.randomUUID().toString();
        ends.topics().sendRaw(Topics.REGISTRATIONS, partition, key, "{\"registrationId\": ",
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED).toHeaders());
        ends.topics().sendRaw(Topics.REGISTRATIONS, partition, key, "{}", new RecordHeaders());
        // Readable JSON without an address: the record refuses it, so it is written by hand.
        String withoutAddress = codec.write(registered(event.id(), "No Address", "placeholder@example.org"))
                .replace("\"email\":\"placeholder@example.org\",", "");
        assertThat(withoutAddress).doesNotContain("email");
        ends.topics().sendRaw(Topics.REGISTRATIONS, partition, key, withoutAddress,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED).toHeaders());

        String email = TopicsAndMailbox.uniqueAddress();
        RegistrationChanged valid = registered(event.id(), "Gina Ticona", email);
        ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, valid.registrationId().toString(), valid,
                TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));

        assertThat(onlyMailTo(email).to()).containsExactly(email);
        List<ConsumerRecord<String, String>> deadLettered = TopicProbe.readAll(kafka, Topics.DEAD_LETTERS).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(deadLettered).extracting(ConsumerRecord::value)
                .containsExactly("{\"registrationId\": ", "{}", withoutAddress);
        assertThat(deadLettered).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .allSatisfy(reason -> assertThat(reason).isNotBlank())
                .anySatisfy(reason -> assertThat(reason).contains("email"));
        assertThat(deadLettered).extracting(r -> header(r, DeadLetterHeaders.TOPIC)).containsOnly(Topics.REGISTRATIONS);
        assertThat(deadLettered).extracting(r -> header(r, DeadLetterHeaders.CONSUMER)).containsOnly("notification-service");
    }

    @Test
    void aRegistrationTheDatabaseRefusesIsDeadLetteredAloneAndThoseAroundItAreConfirmed() {
        EventSnapshot event = ends.publishEvent("Refused values");
        int partition = 1;
        String before = TopicsAndMailbox.uniqueAddress();
        String refused = TopicsAndMailbox.uniqueAddress();
        String after = TopicsAndMailbox.uniqueAddress();
        // Readable, and valid to the contract, but PostgreSQL stores no NUL character in text.
        RegistrationChanged nul = registered(event.id(), "Nul\u0000Name", refused);
        for (RegistrationChanged change : List.of(registered(event.id(), "Before Refused", before), nul,
                registered(event.id(), "After Refused", after))) {
            ends.topics().send(MessageType.REGISTRATION_CHANGED, partition, change.registrationId().toString(), change,
                    TopicWriter.attributes(MessageType.REGISTRATION_CHANGED));
        }

        assertThat(onlyMailTo(before).to()).containsExactly(before);
        assertThat(onlyMailTo(after).to()).containsExactly(after);
        ConsumerRecord<String, String> deadLettered = await().atMost(TopicsAndMailbox.PATIENCE).until(
                () -> TopicProbe.readAll(kafka, Topics.DEAD_LETTERS).stream()
                        .filter(r -> nul.registrationId().toString().equals(r.key())).toList(),
                letters -> !letters.isEmpty()).get(0);
        assertThat(header(deadLettered, DeadLetterHeaders.REASON)).contains("SQLSTATE 22").doesNotContain(refused);
        assertThat(header(deadLettered, DeadLetterHeaders.CONSUMER)).isEqualTo("notification-service");
        assertThat(ends.mailbox().to(refused)).isEmpty();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static RegistrationChanged registered(UUID eventId, String name, String email) {
        return new RegistrationChanged(UUID.randomUUID(), eventId, RegistrationState.REGISTERED, name, email, "en",
                Instant.now(), null, null, null, null);
    }

    private RegistrationChanged register(UUID eventId, String name, String email) {
        RegistrationChanged change = registered(eventId, name, email);
        ends.topics().send(MessageType.REGISTRATION_CHANGED, change.registrationId().toString(), change);
        return change;
    }

    /** Waits for the first email to {@code email} and checks that it is the only one. */
    private CapturedMail onlyMailTo(String email) {
        List<CapturedMail> mails = ends.awaitMails(email, 1);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** The event's messages on {@code deliveries}, which are keyed by event. */
    private List<ConsumerRecord<String, String>> deliveriesOf(UUID eventId) {
        return TopicProbe.readAll(kafka, Topics.DELIVERIES).stream()
                .filter(r -> eventId.toString().equals(r.key())).toList();
    }
}
