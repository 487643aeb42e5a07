package org.convene.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.convene.contracts.delivery.DeliveryOutcome;
import org.convene.contracts.delivery.DeliveryRecorded;
import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationErased;
import org.convene.contracts.registration.RegistrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** Every message record, written as the services write it, is valid against its JSON Schema. */
@Tag("unit")
class MessageSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The components that may be null, by record; all others are required. */
    private static final java.util.Map<Class<?>, Set<String>> OPTIONAL = java.util.Map.of(
            EventSnapshot.class, Set.of("notice", "recordingUrl", "reportBackUrl", "details"),
            RegistrationChanged.class, Set.of("timeZone", "cancelUrl", "confirmationRequest", "joinUrl"),
            org.convene.contracts.mailing.MailingRequested.class, Set.of("testTo"),
            org.convene.contracts.mailing.EmailsResendRequested.class, Set.of("kind", "failedSince", "failedBefore"));

    static Stream<Object> samples() {
        UUID event = UUID.randomUUID();
        return Stream.of(
                new EventSnapshot(event, 3, EventStatus.PUBLISHED, "Bolivia – People Power, Hope & Solidarity",
                        OffsetDateTime.of(2027, 4, 19, 18, 30, 0, 0, ZoneOffset.ofHours(1)), "Europe/London", 90,
                        "https://meet.example.org/bolivia"),
                new EventSnapshot(event, 5, EventStatus.COMPLETED, "Bolivia – People Power, Hope & Solidarity",
                        OffsetDateTime.of(2027, 4, 26, 18, 30, 0, 0, ZoneOffset.ofHours(1)), "Europe/London", 90,
                        "https://meet.example.org/bolivia", "Moved a week on: the speakers' flights changed.",
                        "https://video.example.org/bolivia", "https://friends.example.org/report-back",
                        new org.convene.contracts.event.EventDetails("bolivia-people-power-hope-solidarity",
                                "Six months since the election victory", "<p>With <em>eyewitness</em> speakers</p>",
                                null, null, null, "Friends of Bolivia",
                                java.util.List.of("Labour Friends of Progressive Latin America"),
                                new org.convene.contracts.event.Person("Christine Blower", "LFPLA"),
                                java.util.List.of(new org.convene.contracts.event.Person("Ollie Vargas", "Kawsachun News"),
                                        new org.convene.contracts.event.Person("Jeremy Corbyn", null)),
                                null, false, java.util.List.of(1440, 60), java.util.List.of("en", "es"), false, true)),
                new RegistrationChanged(UUID.randomUUID(), event, RegistrationState.REGISTERED, "Miriam Colque",
                        "miriam@example.org", "es", Instant.now(), "America/La_Paz",
                        "https://register.example.org/registrations/" + UUID.randomUUID() + "/cancel?token=abc", 2,
                        "https://register.example.org/join/" + UUID.randomUUID() + "?token=abc"),
                new RegistrationErased(UUID.randomUUID(), event, Instant.now()),
                new DeliveryRecorded(UUID.randomUUID(), event, EmailKind.CONFIRMATION, DeliveryOutcome.SENT,
                        Instant.now()),
                new org.convene.contracts.delivery.EmailsScheduled(event, EmailKind.REMINDER, -2000, Instant.now()),
                new org.convene.contracts.delivery.EmailsCounted(event, EmailKind.REMINDER, -20, 100, 1, 2, 3, 4,
                        Instant.now()),
                new org.convene.contracts.mailing.MailingRequested(UUID.randomUUID(), UUID.randomUUID(), event,
                        "The recording is up", "Thank you all.\n\nThe recording is at the link below.",
                        org.convene.contracts.mailing.MailingAudience.EVERYONE, "organiser@friends.example.org",
                        Instant.now()),
                new org.convene.contracts.mailing.EmailsResendRequested(UUID.randomUUID(), event,
                        EmailKind.CONFIRMATION, Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-07T12:00:00Z"), Instant.now()),
                new org.convene.contracts.session.SessionEnded(UUID.randomUUID(), UUID.randomUUID(),
                        Instant.now().plusSeconds(900), Instant.now()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordIsValidAgainstItsSchema(Object sample) throws Exception {
        JsonNode json = MAPPER.valueToTree(sample);
        assertThat(schemaFor(sample.getClass()).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRejectsARecordWithoutItsRequiredFields(Object sample) throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.valueToTree(sample);
        String first = json.fieldNames().next();
        json.remove(first);
        assertThat(schemaFor(sample.getClass()).validate(json)).isNotEmpty();
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() throws Exception {
        for (MessageType<?> type : MessageType.all()) {
            Set<String> components = Arrays.stream(type.payload().getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
            JsonNode schema = readSchema(type.schema());
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            for (Iterator<JsonNode> it = schema.get("required").elements(); it.hasNext();) {
                required.add(it.next().asText());
            }
            assertThat(properties).as(type.schema()).isEqualTo(components);
            assertThat(components).as(type.schema()).containsAll(required);
            // What the schema leaves optional is what a record may hold as null, and nothing else.
            Set<String> optional = new TreeSet<>(components);
            optional.removeAll(required);
            assertThat(optional).as(type.schema()).isEqualTo(OPTIONAL.getOrDefault(type.payload(), Set.of()));
        }
    }

    @Test
    void everyTypeHasItsOwnCloudEventsTypeAndSchema() {
        assertThat(MessageType.all().stream().map(MessageType::ceType).distinct()).hasSize(MessageType.all().size());
        assertThat(MessageType.all().stream().map(MessageType::schema).distinct()).hasSize(MessageType.all().size());
    }

    private static JsonSchema schemaFor(Class<?> payload) throws Exception {
        MessageType<?> type = MessageType.all().stream().filter(t -> t.payload() == payload).findFirst().orElseThrow();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(readSchema(type.schema()), config);
    }

    private static JsonNode readSchema(String resource) throws Exception {
        try (InputStream in = MessageSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
