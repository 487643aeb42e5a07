package org.convene.notification;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.convene.contracts.MessageType;
import org.convene.contracts.Topics;
import org.convene.contracts.cloudevents.MessageCodec;
import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.delivery.EmailsCounted;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;
import org.convene.localstack.CapturedMail;
import org.convene.localstack.CapturedMailbox;
import org.convene.localstack.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tests' two ends of the service: the topics they write to and the mail the SMTP server caught. */
@ApplicationScoped
public class TopicsAndMailbox {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final TopicWriter topics;
    private final CapturedMailbox mailbox;
    private final Clock clock;
    private final String kafka;
    private final MessageCodec codec;

    public TopicsAndMailbox(@ConfigProperty(name = "kafka.bootstrap.servers") String kafka,
            @ConfigProperty(name = "local-stack.mail-page") String mailPage, MessageCodec codec, Clock clock) {
        this.topics = new TopicWriter(kafka, codec);
        this.mailbox = new CapturedMailbox(mailPage);
        this.clock = clock;
        this.kafka = kafka;
        this.codec = codec;
    }

    /** How many of the event's emails of {@code kind} came to {@code outcome}, as {@code deliveries} tells it. */
    public int counted(UUID eventId, EmailKind kind, DeliveryOutcome outcome) {
        return countsOf(eventId).stream().filter(counted -> counted.kind() == kind)
                .mapToInt(counted -> counted.count(outcome)).sum();
    }

    /** What {@code deliveries} holds about the event's emails, in order. */
    public List<EmailsCounted> countsOf(UUID eventId) {
        return TopicProbe.readAll(kafka, Topics.DELIVERIES).stream()
                .filter(record -> record.key().equals(eventId.toString()))
                .map(record -> codec.read(MessageType.EMAILS_COUNTED, record).payload()).toList();
    }

    @PreDestroy
    void close() {
        topics.close();
    }

    public TopicWriter topics() {
        return topics;
    }

    public CapturedMailbox mailbox() {
        return mailbox;
    }

    /** An event at 18:30 London time, 30 days ahead, 90 minutes long; not yet on the topic. */
    public static EventSnapshot snapshot(String title) {
        UUID id = UUID.randomUUID();
        return new EventSnapshot(id, 2, EventStatus.PUBLISHED, title,
                LocalDate.now(LONDON).plusDays(30).atTime(18, 30).atZone(LONDON).toOffsetDateTime(),
                LONDON.getId(), 90, "https://meet.example.org/" + id);
    }

    /** The same event, on the topic. */
    public EventSnapshot publishEvent(String title) {
        EventSnapshot event = snapshot(title);
        topics.send(MessageType.EVENT_SNAPSHOT, event.id().toString(), event);
        return event;
    }

    /** {@code event} on the topic, as events-service would publish it. */
    public EventSnapshot publish(EventSnapshot event) {
        topics.send(MessageType.EVENT_SNAPSHOT, event.id().toString(), event);
        return event;
    }

    /** A registrant's change on the topic, as registration-service would publish it. */
    public RegistrationChanged send(RegistrationChanged change) {
        topics.send(MessageType.REGISTRATION_CHANGED, change.registrationId().toString(), change);
        return change;
    }

    /** A change for a registrant in their language and zone, with their cancel link. */
    public static RegistrationChanged change(UUID registrationId, UUID eventId, RegistrationState state, String name,
            String email, String language, String zone) {
        return new RegistrationChanged(registrationId, eventId, state, name, email, language, Instant.now(), zone,
                "https://events.example.org/registrations/" + registrationId + "/cancel?token=signed", null,
                joinUrl(registrationId));
    }

    /** The registrant's own joining link, as registration-service would make it. */
    public static String joinUrl(UUID registrationId) {
        return "https://events.example.org/join/" + registrationId + "?token=signed";
    }

    /** {@code ahead} of the service's clock in London, in whole minutes as an organiser types them. */
    public ZonedDateTime inLondon(Duration ahead) {
        return clock.instant().plus(ahead).atZone(LONDON).withSecond(0).withNano(0);
    }

    /**
     * Waits until the dispatcher has had its turn at everything due now: a new registration's
     * confirmation, due after all of it, has arrived.
     */
    public void awaitDispatched() {
        EventSnapshot event = publish(Events.at("Barrier", inLondon(Duration.ofDays(3))));
        String email = uniqueAddress();
        send(change(UUID.randomUUID(), event.id(), RegistrationState.REGISTERED, "Barrier", email, "en", null));
        awaitMails(email, 1);
    }

    /** Waits until {@code email} has at least {@code count} emails. */
    public List<CapturedMail> awaitMails(String email, int count) {
        return await().atMost(PATIENCE).until(() -> mailbox.to(email), mails -> mails.size() >= count);
    }

    public static String uniqueAddress() {
        return "registrant-" + UUID.randomUUID() + "@example.org";
    }
}
