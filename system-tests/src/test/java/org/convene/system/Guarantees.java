package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.convene.contracts.Topics;
import org.convene.localstack.CapturedMail;
import org.convene.localstack.LocalStack;

/**
 * What every fault test checks once the fault is over (issue 8, the guarantees of docs/architecture.md): each registration
 * answered 201 is stored; every stored registration got exactly one email of each kind due, counted at
 * the SMTP server by Message-ID (one per scheduled email, the same on every try); and no consumer is
 * stuck. Copies of one Message-ID are the duplicates of the one window docs/architecture.md allows, and are
 * counted, not hidden.
 */
final class Guarantees {

    /** Long enough for a killed dispatcher's claims to run out (about 90 s) and their emails to go again. */
    static final Duration SETTLING = Duration.ofMinutes(5);

    /** The topics each service's consumer group reads. */
    private static final Map<String, List<String>> CONSUMED = Map.of(
            "events-service", List.of(Topics.REGISTRATIONS, Topics.DELIVERIES),
            "registration-service", List.of(Topics.EVENTS),
            "notification-service", List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.MAILINGS));

    private final SystemUnderTest system;

    Guarantees(SystemUnderTest system) {
        this.system = system;
    }

    /** The addresses registration-service stored for the events, whatever their state. */
    Set<String> stored(Collection<String> eventIds) {
        Set<String> addresses = new java.util.HashSet<>();
        for (String eventId : eventIds) {
            addresses.addAll(query("registrations", "select email from registration where event_id = ?", eventId));
        }
        return addresses;
    }

    /**
     * Waits until notification-service has sent every email of {@code kind} for the events: none pending,
     * none claimed by a dispatcher that may have died. Then a late duplicate can no longer come.
     */
    void awaitAllSent(Collection<String> eventIds, String kind, int expected) {
        await().atMost(SETTLING).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Integer> byStatus = new HashMap<>();
            for (String eventId : eventIds) {
                for (String row : query("notifications", """
                        select status || '=' || count(*) from scheduled_email
                        where event_id = ? and kind = ? group by status""", eventId, kind)) {
                    String[] parts = row.split("=");
                    byStatus.merge(parts[0], Integer.parseInt(parts[1]), Integer::sum);
                }
            }
            assertThat(byStatus).as("%s emails by status", kind).containsOnlyKeys("SENT")
                    .containsEntry("SENT", expected);
        });
    }

    /** How many emails of {@code kind} for the event notification-service has claimed or sent so far. */
    int underWayOrSent(String eventId, String kind) {
        return Integer.parseInt(query("notifications", """
                select count(*) from scheduled_email where event_id = ? and kind = ? and status <> 'PENDING'""",
                eventId, kind).get(0));
    }

    /**
     * Each address got exactly one email with {@code subject} by Message-ID; returns how many copies beyond
     * the first arrived in all (the duplicates).
     */
    int exactlyOneEach(Collection<String> addresses, java.util.function.Predicate<String> subject) {
        Map<String, List<String>> messageIds = new HashMap<>();
        for (CapturedMail mail : system.mailbox().headers()) {
            if (mail.subject() != null && subject.test(mail.subject())) {
                for (String to : mail.to()) {
                    messageIds.computeIfAbsent(to, k -> new ArrayList<>()).add(mail.header("message-id"));
                }
            }
        }
        int copies = 0;
        List<String> wrong = new ArrayList<>();
        for (String address : addresses) {
            List<String> ids = messageIds.getOrDefault(address, List.of());
            if (ids.isEmpty() || ids.contains(null) || Set.copyOf(ids).size() != 1) {
                wrong.add(address + " " + ids);
            }
            copies += Math.max(0, ids.size() - 1);
        }
        assertThat(wrong).as("addresses without exactly one email (by Message-ID)").isEmpty();
        return copies;
    }

    /** Waits until every service's consumer group has read and committed everything on its topics. */
    void awaitConsumersCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(lag(admin)).as("records not yet consumed, by group and partition")
                            .allSatisfy((partition, behind) -> assertThat(behind).isZero()));
        }
    }

    private static Map<String, Long> lag(Admin admin) throws InterruptedException, ExecutionException {
        Map<String, Long> lag = new HashMap<>();
        for (var group : CONSUMED.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(group.getValue()).allTopicNames().get().values()) {
                description.partitions().forEach(p -> ends.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            admin.listOffsets(ends).all().get().forEach((partition, end) -> {
                OffsetAndMetadata at = committed.get(partition);
                lag.put(group.getKey() + " " + partition, end.offset() - (at == null ? 0 : at.offset()));
            });
        }
        return lag;
    }

    private List<String> query(String database, String sql, String... parameters) {
        try (Connection db = DriverManager.getConnection(system.stack().jdbcUrl(database), database,
                LocalStack.DATABASE_PASSWORD); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                try {
                    statement.setObject(i + 1, UUID.fromString(parameters[i]));
                } catch (IllegalArgumentException notAnId) {
                    statement.setString(i + 1, parameters[i]);
                }
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + database, e);
        }
    }

    /** A line for the test's output and the README: what happened, in figures. */
    static String report(String test, Map<String, ?> figures) {
        return "FAULTS " + test + ": " + figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
