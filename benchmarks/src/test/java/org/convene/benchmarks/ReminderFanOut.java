package org.convene.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.CloudEventAttributes;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.platform.signing.SignedLinks;
import org.convene.platform.signing.Signer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Scenario 4 of benchmarks/README.md, in the two phases that benchmarks/bench runs around its SMTP sinks
 * (notification-service sends every email to smtp-sink in this scenario):
 * <ul>
 * <li>{@code prepare}: a warm-up event whose few registrants get their confirmation and, half a minute
 * later, their reminder, through the whole reminder path; one of those reminders, as the sink kept it, is
 * what the raw baseline sends ({@code reminder.eml}).</li>
 * <li>{@code fan-out}: the registrants of one event, as registration-service reports them on
 * {@code registrations}; once the sink has accepted all their confirmations, the event gets a reminder that
 * falls due a little later, and the sink's count shows when the last reminder was accepted
 * ({@code system.properties}, for the report).</li>
 * </ul>
 * Every setting comes from system properties that bench sets.
 */
public final class ReminderFanOut {

    /** The least time before the start an organiser may set a reminder for. */
    private static final int LEAST_REMINDER_MINUTES = 5;
    /** From the warm-up event's registration to its reminder: its registrants are in well before. */
    private static final Duration WARM_UP_LEAD = Duration.ofSeconds(30);
    /** Registrants' zones and languages, in turn, as a campaign's are. */
    private static final String[] ZONES = { "Europe/London", "America/La_Paz", "Europe/Madrid", "America/New_York" };
    private static final String[] LANGUAGES = { "en", "es" };
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Convene convene = new Convene();
    private final Path results = Path.of(Convene.required("bench.results"));
    private final Path sinkCounts = Path.of(Convene.required("bench.sink-counts"));

    private ReminderFanOut() {
    }

    public static void main(String[] args) throws Exception {
        ReminderFanOut scenario = new ReminderFanOut();
        switch (args.length == 1 ? args[0] : "") {
            case "prepare" -> scenario.prepare();
            case "fan-out" -> scenario.fanOut();
            default -> throw new IllegalArgumentException("usage: ReminderFanOut prepare|fan-out");
        }
    }

    private void prepare() throws Exception {
        int registrants = Convene.requiredInt("bench.warm-up-registrants");
        Instant due = Instant.now().plus(WARM_UP_LEAD).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> event = Convene.event("Warm-up event",
                LocalDateTime.ofInstant(due.plus(Duration.ofMinutes(LEAST_REMINDER_MINUTES)), ZoneOffset.UTC), "UTC");
        event.put("reminderMinutes", List.of(LEAST_REMINDER_MINUTES));
        String id = convene.publish(event);
        register(id, registrants, "warm-up-");
        log("Warm-up: %d registrants, their confirmations now and their reminders at %s", registrants, due);
        if (!awaitSinkCount(2L * registrants, due.plus(timeFor(registrants)))) {
            throw new IllegalStateException("the warm-up's emails did not all reach smtp-sink");
        }
        Path sample = results.resolve("reminder.eml");
        Files.write(sample, lastMessage(Path.of(Convene.required("bench.sink-dump"))));
        log("Warm-up done; a reminder as the sink received it: %s (%d bytes)", sample, Files.size(sample));
    }

    private void fanOut() throws Exception {
        int registrants = Convene.requiredInt("bench.registrants");
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> event = Convene.event("Fan-out event", LocalDateTime.ofInstant(start, ZoneOffset.UTC),
                "UTC");
        // No reminder until every confirmation has gone: then the reminders alone are timed.
        event.put("reminderMinutes", List.of());
        String id = convene.publish(event);
        long before = SinkCounts.latest(sinkCounts);
        register(id, registrants, "registrant-");
        log("%d registrants written to %s; waiting for their confirmations", registrants, Topics.REGISTRATIONS);
        if (!awaitSinkCount(before + registrants, Instant.now().plus(timeFor(registrants)))) {
            throw new IllegalStateException("the registrants' confirmations did not all reach smtp-sink");
        }
        long confirmed = SinkCounts.latest(sinkCounts);

        // The reminder falls due at the first whole minute before the start that leaves notification-service
        // time to plan every registrant's (one insert; a reminder already due when planned is never planned).
        Instant earliest = Instant.now().plus(Duration.ofSeconds(20).plusMillis(registrants));
        long minutes = Duration.between(earliest, start).toMinutes();
        if (minutes < LEAST_REMINDER_MINUTES) {
            throw new IllegalStateException("the event starts too soon for a reminder: set up took over a day");
        }
        Instant due = start.minus(Duration.ofMinutes(minutes));
        event.put("reminderMinutes", List.of(minutes));
        convene.update(id, event);
        log("Reminders due at %s (%d minutes before the start)", due, minutes);
        Instant planned = awaitPlanned(id, registrants, due);
        boolean complete = awaitSinkCount(confirmed + registrants, due.plus(timeFor(registrants)));
        log(complete ? "Every reminder was accepted" : "Not every reminder was accepted in time");

        Properties figures = new Properties();
        // The judged part, for the report's CPU figures: the reminders, not their confirmations before them.
        figures.setProperty("judged.from", String.valueOf(due.toEpochMilli()));
        figures.setProperty("judged.to", String.valueOf(System.currentTimeMillis()));
        figures.setProperty("fanout.registrants", String.valueOf(registrants));
        figures.setProperty("fanout.event", id);
        figures.setProperty("fanout.due", String.valueOf(due.toEpochMilli()));
        figures.setProperty("fanout.minutes-before-start", String.valueOf(minutes));
        figures.setProperty("fanout.count-before", String.valueOf(confirmed));
        figures.setProperty("fanout.planned-before-due-ms", planned == null ? "not by the time it fell due"
                : String.valueOf(due.toEpochMilli() - planned.toEpochMilli()));
        figures.setProperty("fanout.recorded", recorded(id, registrants).toString());
        try (Writer out = Files.newBufferedWriter(results.resolve("system.properties"))) {
            figures.store(out, "figures of the system under load (benchmarks/bench)");
        }
    }

    /**
     * The registrations as registration-service reports them on {@code registrations}: the contracts'
     * record and CloudEvents headers, each with its own cancel and joining link signed with the stack's
     * link secret (the paths and purposes of registration-service's {@code CancelLinks} and {@code JoinLinks}).
     */
    private static void register(String eventId, int count, String emailPrefix) throws IOException {
        Signer signer = new Signer(Files.readString(Path.of(Convene.required("convene.link-secret-file"))).strip());
        String pages = Convene.required("convene.registration-url");
        SignedLinks cancel = new SignedLinks(signer, "cancel-registration", pages, "/registrations/%s/cancel") {
        };
        SignedLinks join = new SignedLinks(signer, "join-event", pages, "/join/%s") {
        };
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Convene.required("convene.kafka-bootstrap"), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 1; i <= count; i++) {
                UUID registration = UUID.randomUUID();
                Instant now = Instant.now();
                RegistrationChanged change = new RegistrationChanged(registration, UUID.fromString(eventId),
                        RegistrationState.REGISTERED, "Registrant " + i, emailPrefix + i + "@example.org",
                        LANGUAGES[i % LANGUAGES.length], now, ZONES[i % ZONES.length], cancel.url(registration), 1,
                        join.url(registration));
                CloudEventAttributes attributes = new CloudEventAttributes(UUID.randomUUID().toString(),
                        MessageType.REGISTRATION_CHANGED.ceType(), "/benchmarks", now);
                producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, null, registration.toString(),
                        JSON.writeValueAsString(change), attributes.toHeaders()));
            }
            producer.flush();
        }
    }

    /** Waits until the sink has accepted {@code count} messages in all; says whether it did by {@code deadline}. */
    private boolean awaitSinkCount(long count, Instant deadline) throws IOException, InterruptedException {
        while (SinkCounts.latest(sinkCounts) < count) {
            if (Instant.now().isAfter(deadline)) {
                log("The sink has %d messages of %d at %s", SinkCounts.latest(sinkCounts), count, deadline);
                return false;
            }
            // Polling a file: the counts are smtp-sink's output, read by another process.
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * When events-service's counts (from notification-service's messages) first showed every reminder
     * planned, or null if not before they fell due: a check that planning was not part of what is timed.
     */
    private Instant awaitPlanned(String id, int registrants, Instant due) throws Exception {
        while (Instant.now().isBefore(due)) {
            JsonNode reminders = convene.read(id).path("emails").path("reminder");
            if (reminders.path("pending").asLong() + reminders.path("sent").asLong() >= registrants) {
                return Instant.now();
            }
            // Polling the organiser API: the counts come through Kafka, with no signal.
            Thread.sleep(500);
        }
        return null;
    }

    /**
     * The reminders' outcomes as notification-service recorded them (events-service's counts), once every
     * one is counted, or as they stand after a minute.
     */
    private JsonNode recorded(String id, int registrants) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode reminders = convene.read(id).path("emails").path("reminder");
        while (outcomes(reminders) < registrants && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            reminders = convene.read(id).path("emails").path("reminder");
        }
        return reminders;
    }

    private static long outcomes(JsonNode counts) {
        return List.of("sent", "failed", "bounced", "dropped", "suppressed").stream()
                .mapToLong(outcome -> counts.path(outcome).asLong()).sum();
    }

    /**
     * The last message of smtp-sink's dump (each begins with a form feed, its {@code -S}), without the
     * headers the sink adds (up to its three-line {@code Received:}): as notification-service sent it.
     */
    static byte[] lastMessage(Path dump) throws IOException {
        // ISO-8859-1 maps every byte to one char and back: the message's bytes are kept as they are.
        String all = Files.readString(dump, StandardCharsets.ISO_8859_1);
        String message = all.substring(all.lastIndexOf('\f') + 1);
        int received = message.indexOf("\nReceived: from ");
        if (received < 0) {
            throw new IllegalStateException(dump + " holds no message from smtp-sink");
        }
        int body = received + 1;
        for (int line = 0; line < 3; line++) {
            body = message.indexOf('\n', body) + 1;
        }
        // The dump ends each message with an empty line of its own.
        String sent = message.substring(body, message.endsWith("\n\n") ? message.length() - 1 : message.length());
        return sent.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Time enough to send this many emails at a slow pace, beside the setup's own two minutes. */
    private static Duration timeFor(int emails) {
        return Duration.ofMinutes(2).plusMillis(20L * emails);
    }

    private static void log(String format, Object... args) {
        System.out.printf("%tT %s%n", Instant.now().atZone(ZoneId.systemDefault()), String.format(format, args));
    }
}
