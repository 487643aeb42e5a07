package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.convene.localstack.Ports;
import org.convene.localstack.run.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


/**
 * Two replicas of notification-service share one schedule: 2,000 registrants of one event each get
 * exactly one confirmation, one notice of the event's new time and one reminder, whichever replica sent it.
 */
@ExtendWith(SystemUnderTestExtension.class)
class NotificationReplicasTest {

    private static final int REGISTRANTS = 2_000;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /**
     * From the move to the new start: the shortest reminder (5 minutes) plus time for the new snapshot to
     * reach both replicas and be planned, on two busy cores, before that reminder falls due.
     */
    private static final Duration REMINDER_LEAD = Duration.ofMinutes(5).plusSeconds(40);

    private final SystemUnderTest system;

    NotificationReplicasTest(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void twoReplicasSendEveryConfirmationAndReminderExactlyOnce() throws Exception {
        ServiceProcess replica = system.services().startReplica("notification-service", Ports.free());
        try {
            sendsEachEmailOnce();
        } finally {
            // The classes after this one meet the system as it usually runs.
            system.services().stopReplica(replica);
        }
    }

    private void sendsEachEmailOnce() throws Exception {
        // A day away while people register, so that however long that takes, every reminder is planned.
        String title = "Two replicas " + UUID.randomUUID().toString().substring(0, 8);
        String eventId = system.asOrganiser()
                .body(Map.of("title", title, "startsAt", LocalDateTime.now(LONDON).plusDays(1).withNano(0).toString(),
                        "timeZone", LONDON.getId(), "durationMinutes", 60,
                        "joinUrl", "https://meet.example.org/" + UUID.randomUUID(), "reminderMinutes", List.of(5)))
                .post(system.events() + "/api/events").then().statusCode(201).extract().path("id");
        system.asOrganiser().post(system.events() + "/api/events/" + eventId + "/publish").then().statusCode(200);
        system.awaitEventPage(eventId);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = IntStream.range(0, REGISTRANTS)
                .mapToObj(i -> "replicas-" + run + "-" + i + "@example.org").toList();
        register(eventId, addresses);
        Map<String, Long> confirmations = awaitAll(addresses, "You're registered: " + title);

        // Then moved to start in five minutes and a little: everyone is told the new time, and the shortest
        // reminder (5 minutes before) falls due soon after, for all 2,000 at once.
        system.asOrganiser()
                .body(Map.of("startsAt", LocalDateTime.now(LONDON).plus(REMINDER_LEAD).withNano(0).toString(),
                        "timeZone", LONDON.getId(), "reason", "Moved to fit the speakers"))
                .post(system.events() + "/api/events/" + eventId + "/reschedule").then().statusCode(200);
        Map<String, Long> newTimes = awaitAll(addresses, "New time: " + title);
        Map<String, Long> reminders = awaitAll(addresses, "Starts in 5 minutes: " + title);

        assertThat(confirmations.values()).as("confirmations per registrant").containsOnly(1L);
        assertThat(newTimes.values()).as("notices of the new time per registrant").containsOnly(1L);
        assertThat(reminders.values()).as("reminders per registrant").containsOnly(1L);
        assertThat(confirmations).hasSize(REGISTRANTS);
        assertThat(newTimes).hasSize(REGISTRANTS);
        assertThat(reminders).hasSize(REGISTRANTS);
    }

    /** As the organiser (no proof of work), eight at a time. */
    private void register(String eventId, List<String> addresses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String address : addresses) {
                answers.add(pool.submit(() -> system.asOrganiser()
                        .body(Map.of("name", "Replica Test", "email", address))
                        .post(system.registration() + "/api/events/" + eventId + "/registrations").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until every address has the email; then counts it per address, duplicates included. */
    private Map<String, Long> awaitAll(List<String> addresses, String subject) {
        return await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2))
                .until(() -> count(subject), counts -> counts.keySet().containsAll(addresses));
    }

    private Map<String, Long> count(String subject) {
        return system.mailbox().headers().stream().filter(m -> subject.equals(m.subject()))
                .flatMap(m -> m.to().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
