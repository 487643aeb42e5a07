package org.convene.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.Topics;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private final Path dir = Path.of("target", "local-stack-test-" + UUID.randomUUID());

    @Test
    void startsRealServersWhoseDataSurvivesARestart() throws Exception {
        LocalStack.Settings settings = LocalStack.Settings.ephemeral(dir);
        String marker = "marker-" + UUID.randomUUID();
        Instant accepted;
        try (LocalStack stack = LocalStack.start(settings)) {
            for (String db : LocalStack.DATABASES) {
                try (Connection c = connect(stack, db); Statement s = c.createStatement()) {
                    s.execute("create table probe (v text)");
                    s.execute("insert into probe values ('" + marker + "')");
                }
            }
            assertThat(topicCleanupPolicy(stack, Topics.EVENTS)).isEqualTo("compact");
            assertThatThrownBy(stack::killKafka).as("a broker in this JVM cannot be killed alone")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("withKafkaInOwnProcess");
            assertThat(topicCleanupPolicy(stack, Topics.REGISTRATIONS)).isEqualTo("delete");
            try (var producer = producer(stack)) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, "k", marker)).get();
            }
            Instant beforeSend = Instant.now();
            sendMail(stack, "supporter@example.org", "Registered: <Bolivia>", "plain " + marker,
                    "<p>html " + marker + "</p>");
            Instant afterSend = Instant.now();
            sendMail(stack, "someone+else@example.org", "Not for the supporter", "other", "<p>other</p>");

            // Asked by recipient, in any case: the server picks that recipient's emails alone.
            assertThat(new CapturedMailbox(stack.mailPageUrl()).to("Someone+Else@example.org"))
                    .singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Not for the supporter"));
            List<CapturedMail> mails = new CapturedMailbox(stack.mailPageUrl()).to("SUPPORTER@example.org");
            assertThat(mails).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Registered: <Bolivia>");
                // By the server's clock, once the whole email was in: within the client's send.
                assertThat(m.acceptedAt()).isBetween(beforeSend, afterSend);
                assertThat(m.text()).contains("plain " + marker);
                assertThat(m.html()).contains("<p>html " + marker + "</p>");
            });
            String page = get(stack.mailPageUrl());
            assertThat(page).contains("Registered: &lt;Bolivia&gt;").doesNotContain("<Bolivia>");
            String message = get(stack.mailPageUrl() + "messages/" + mails.get(0).index());
            assertThat(message).contains("plain " + marker).contains("sandbox srcdoc=");
            accepted = mails.get(0).acceptedAt();
        }

        LocalStack.Settings again = new LocalStack.Settings(dir, false, settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.postgresPort(), settings.smtpPort(), settings.mailPagePort());
        try (LocalStack stack = LocalStack.start(again)) {
            try (Connection c = connect(stack, "registrations"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select v from probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(marker);
            }
            assertThat(readAll(stack, Topics.EVENTS, 1)).contains(marker);
            // The time of acceptance is kept too, to the millisecond (a file system may keep no finer).
            assertThat(new CapturedMailbox(stack.mailPageUrl()).to("supporter@example.org")).singleElement()
                    .satisfies(m -> assertThat(m.acceptedAt().truncatedTo(ChronoUnit.MILLIS))
                            .isEqualTo(accepted.truncatedTo(ChronoUnit.MILLIS)));
            assertThat(new CapturedMailbox(stack.mailPageUrl()).all()).hasSize(2);
        }
    }

    @Test
    void aBrokerInItsOwnProcessKilledWithSigkillKeepsWhatItAcknowledged() throws Exception {
        LocalStack.Settings settings = LocalStack.Settings.ephemeral(dir).withKafkaInOwnProcess();
        try (LocalStack stack = LocalStack.start(settings)) {
            List<String> sent = new ArrayList<>();
            try (var producer = producer(stack)) {
                List<Future<RecordMetadata>> acknowledged = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String value = "before-the-kill-" + i + "-" + UUID.randomUUID();
                    acknowledged.add(producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, String.valueOf(i % 7), value)));
                    sent.add(value);
                }
                for (Future<RecordMetadata> ack : acknowledged) {
                    ack.get();
                }
            }
            stack.killKafka();
            // Gone at once, without a shutdown: nothing listens on its port any more.
            Ports.requireFree("Kafka", settings.kafkaPort());

            stack.startKafka();
            assertThat(readAll(stack, Topics.REGISTRATIONS, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
            try (var producer = producer(stack)) {
                producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, "k", "after-the-restart")).get();
            }
        }
        // The restart found the log of a broker that never shut down, and recovered it.
        assertThat(Files.readString(dir.resolve("logs/kafka.log"))).as("the broker's own log")
                .contains("since no clean shutdown file was found");
    }

    @Test
    void aTakenPortIsNamedAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStack.Settings free = LocalStack.Settings.ephemeral(dir);
            LocalStack.Settings settings = new LocalStack.Settings(dir, true, taken.getLocalPort(),
                    free.kafkaControllerPort(), free.postgresPort(), free.smtpPort(), free.mailPagePort());
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("Kafka")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            // The parts started before Kafka were stopped: their ports are free again.
            Ports.requireFree("SMTP", free.smtpPort());
            Ports.requireFree("PostgreSQL", free.postgresPort());
        }
    }

    private static Connection connect(LocalStack stack, String db) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(db), db, LocalStack.DATABASE_PASSWORD);
    }

    private static String topicCleanupPolicy(LocalStack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
        }
    }

    private static KafkaProducer<String, String> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    /** Every value on the topic, once at least {@code expected} have been read or 30 s have passed. */
    private static List<String> readAll(LocalStack stack, String topic, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> values = new ArrayList<>();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }

    private static void sendMail(LocalStack stack, String to, String subject, String text, String html)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(stack.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("convene@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        message.setSentDate(new java.util.Date());
        Transport.send(message);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
