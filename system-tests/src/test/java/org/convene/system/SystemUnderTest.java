package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.convene.localstack.CapturedMailbox;
import org.convene.localstack.LocalStack;
import org.convene.localstack.run.ConveneServices;
import org.convene.localstack.run.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The three packaged services as separate processes against one real Kafka, PostgreSQL and SMTP
 * server, signed in as the first organiser. Started once per test JVM by
 * {@link SystemUnderTestExtension}, because starting it takes about half a minute.
 */
final class SystemUnderTest implements AutoCloseable {

    static final String EVENTS_SERVICE = "events-service";
    static final String REGISTRATION_SERVICE = "registration-service";

    /** notification-service's pace, per replica. */
    static final int MAIL_RATE_PER_SECOND = 200;

    private static final Path WORK_DIR = Path.of("target", "system");

    private final LocalStack stack;
    private final ConveneServices services;
    private final CapturedMailbox mailbox;
    private final String refreshToken;
    private String organiserToken;
    private Instant tokenExpiresAt;

    private SystemUnderTest(LocalStack stack, ConveneServices services, Response session) {
        this.stack = stack;
        this.services = services;
        this.mailbox = new CapturedMailbox(stack.mailPageUrl());
        this.refreshToken = session.path("refreshToken");
        take(session);
    }

    private void take(Response session) {
        this.organiserToken = session.path("token");
        this.tokenExpiresAt = Instant.parse(session.path("expiresAt"));
    }

    /** Starts everything, or stops what it started and fails. */
    static SystemUnderTest start() throws Exception {
        Path projectDir = Path.of(System.getProperty("convene.project-dir", "..")).toAbsolutePath().normalize();
        // The services append to their logs: a run starts with none, so that its logs are its own
        // (PersonalDataInLogsTest reads them).
        deleteTree(WORK_DIR.resolve("logs"));
        // The broker in a process of its own, as in production: the fault suite kills it with SIGKILL.
        LocalStack stack = LocalStack.start(LocalStack.Settings.ephemeral(WORK_DIR).withKafkaInOwnProcess());
        ConveneServices services = null;
        try {
            // Emails at a relay's pace rather than as fast as the local SMTP server takes them: a reminder
            // fan-out then lasts long enough for the fault suite to kill notification-service in it. Proofs
            // of work a hundredth of their cost to solve: the loads solve one per registration on the same
            // two cores, and checking one costs the service a hash whatever its size. A send given 10 s
            // rather than a distant relay's 30: the local SMTP server answers in milliseconds, and a claim
            // lasts twice that plus 30 s, which is how long the emails of a killed dispatcher wait.
            services = ConveneServices.start(projectDir, stack, ConveneServices.ServicePorts.free(),
                    WORK_DIR.resolve("logs"), Map.of("notification-service",
                            Map.of("CONVENE_MAIL_RATE_PER_SECOND", String.valueOf(MAIL_RATE_PER_SECOND),
                                    "CONVENE_MAIL_SEND_TIMEOUT", "10s"),
                            REGISTRATION_SERVICE, Map.of("CONVENE_BOTS_PROOF_OF_WORK_MAX_NUMBER", "1000")));
            Response session = given().contentType(ContentType.JSON)
                    .body(Map.of("email", stack.organiserSecrets().email(),
                            "password", stack.organiserSecrets().password()))
                    .post(services.get(EVENTS_SERVICE).url() + "/api/session")
                    .then().statusCode(200).extract().response();
            return new SystemUnderTest(stack, services, session);
        } catch (Throwable e) {
            if (services != null) {
                services.close();
            }
            stack.close();
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    LocalStack stack() {
        return stack;
    }

    ConveneServices services() {
        return services;
    }

    CapturedMailbox mailbox() {
        return mailbox;
    }

    String events() {
        return services.get(EVENTS_SERVICE).url();
    }

    String registration() {
        return services.get(REGISTRATION_SERVICE).url();
    }

    Path log(String service) {
        return WORK_DIR.resolve("logs").resolve(service + ".log");
    }

    /**
     * The signed-in organiser's token, for a test that sends requests with a client of its own: refreshed,
     * as a tool would, when it has less than five of its fifteen minutes left.
     */
    synchronized String organiserToken() {
        if (Instant.now().plus(Duration.ofMinutes(5)).isAfter(tokenExpiresAt)) {
            take(given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                    .post(events() + "/api/session/refresh").then().statusCode(200).extract().response());
        }
        return organiserToken;
    }

    /**
     * A request with the organiser's bearer token, for events-service's organiser API; JSON unless
     * the test says otherwise (REST Assured would send a POST without a body as a form, which, like
     * every form, needs the pages' CSRF token).
     */
    RequestSpecification asOrganiser() {
        return given().auth().oauth2(organiserToken()).contentType(ContentType.JSON);
    }

    /** A draft of 90 minutes in Europe/London; returns its id. */
    String create(String title, LocalDateTime start) {
        return asOrganiser().contentType(ContentType.JSON)
                .body(Map.of("title", title, "startsAt", start.toString(), "timeZone", "Europe/London",
                        "durationMinutes", 90, "joinUrl", "https://meet.example.org/" + UUID.randomUUID()))
                .when().post(events() + "/api/events")
                .then().statusCode(201).extract().path("id");
    }

    String createAndPublish(String title, LocalDateTime start) {
        String id = create(title, start);
        asOrganiser().post(events() + "/api/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** The event's public page in registration-service. */
    String eventPage(String eventId) {
        return registration() + "/events/" + eventId;
    }

    /** Waits until registration-service has the event from the topic and shows its page; returns its address. */
    String awaitEventPage(String eventId) {
        String page = eventPage(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(page).statusCode() == 200);
        return page;
    }

    /** Waits until every service says it is ready, Kafka included: after an outage they reconnect on their own. */
    void awaitReady() throws Exception {
        for (ServiceProcess service : services.all()) {
            service.awaitReady(ConveneServices.READY_TIMEOUT);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            services.close();
        } finally {
            stack.close();
        }
    }
}
