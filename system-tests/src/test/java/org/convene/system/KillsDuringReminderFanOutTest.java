package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault suite, 1 continued: every service killed with SIGKILL during a reminder fan-out, once per fan-out:
 * notification-service, which sends them, at a random moment after its first claim, the others after it. Each registrant
 * gets one reminder (by Message-ID), and every consumer catches up.
 */
@ExtendWith(SystemUnderTestExtension.class)
class KillsDuringReminderFanOutTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The least time before the start an organiser may set a reminder for. */
    private static final int REMINDER_MINUTES = 5;
    /**
     * From the moves to the first new start: the shortest reminder plus time for the new times to reach
     * notification-service and be planned, on two busy cores, before the first falls due.
     */
    private static final Duration REMINDER_LEAD = Duration.ofMinutes(REMINDER_MINUTES).plusSeconds(40);
    private static final List<String> SERVICES = List.of("notification-service", "events-service",
            "registration-service");

    private final SystemUnderTest system;
    private final Guarantees guarantees;

    KillsDuringReminderFanOutTest(SystemUnderTest system) {
        this.system = system;
        this.guarantees = new Guarantees(system);
    }

    @Test
    void everyRegistrantGetsOneReminderAcrossKillsDuringTheFanOut() throws Exception {
        FaultScale scale = FaultScale.current();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // One event per fan-out, a day away while people register, so that however long that takes, every
        // reminder is planned; then moved to start in five minutes and a little, a minute apart.
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < scale.fanOuts(); i++) {
            eventIds.add(system.asOrganiser()
                    .body(Map.of("title", "Fan-out " + run + " " + i,
                            "startsAt", LocalDateTime.now(LONDON).plusDays(1).withNano(0).toString(),
                            "timeZone", LONDON.getId(), "durationMinutes", 60,
                            "joinUrl", "https://meet.example.org/" + UUID.randomUUID(),
                            "reminderMinutes", List.of(REMINDER_MINUTES)))
                    .post(system.events() + "/api/events").then().statusCode(201).extract().<String>path("id"));
            system.asOrganiser().post(system.events() + "/api/events/" + eventIds.get(i) + "/publish").then()
                    .statusCode(200);
        }
        List<String> registrants = new ArrayList<>();
        for (String eventId : eventIds) {
            system.awaitEventPage(eventId);
            registrants.addAll(register(eventId, run, scale.registrantsPerFanOut()));
        }
        LocalDateTime first = LocalDateTime.now(LONDON).plus(REMINDER_LEAD).withNano(0);
        for (int i = 0; i < eventIds.size(); i++) {
            system.asOrganiser()
                    .body(Map.of("startsAt", first.plusMinutes(i).toString(), "timeZone", LONDON.getId(),
                            "reason", "Moved to fit the speakers"))
                    .post(system.events() + "/api/events/" + eventIds.get(i) + "/reschedule").then().statusCode(200);
        }

        int kills = 0;
        List<Integer> underWayWhenKilled = new ArrayList<>();
        for (int i = 0; i < eventIds.size(); i++) {
            String eventId = eventIds.get(i);
            // Once the fan-out has begun, at a random point in its first batches (the test's pace of
            // SystemUnderTest.MAIL_RATE_PER_SECOND makes it last a second or more): claimed, at the SMTP
            // server, or recorded.
            await().atMost(Duration.ofMinutes(REMINDER_MINUTES + 3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> guarantees.underWayOrSent(eventId, "REMINDER") > 0);
            Thread.sleep(random.nextInt(500));
            system.services().get("notification-service").kill();
            underWayWhenKilled.add(guarantees.underWayOrSent(eventId, "REMINDER"));
            system.services().killAndRestart("notification-service");
            for (String service : SERVICES.subList(1, SERVICES.size())) {
                Thread.sleep(random.nextInt(2000));
                system.services().killAndRestart(service);
            }
            kills += SERVICES.size();
        }

        guarantees.awaitAllSent(eventIds, "REMINDER", registrants.size());
        int duplicates = guarantees.exactlyOneEach(registrants,
                subject -> subject.startsWith("Starts in 5 minutes: Fan-out " + run + " "));
        guarantees.awaitConsumersCaughtUp();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scale", scale.name());
        figures.put("seed", seed);
        figures.put("fanOuts", scale.fanOuts());
        figures.put("kills", kills);
        figures.put("reminders", registrants.size());
        figures.put("claimedOrSentWhenNotificationServiceDied", underWayWhenKilled);
        figures.put("duplicateCopies", duplicates);
        System.out.println(Guarantees.report("kills during reminder fan-outs", figures));
        // At most the two batches of convene.mail.batch-size (100) a killed dispatcher had at the SMTP server.
        assertThat(duplicates).isLessThanOrEqualTo(scale.fanOuts() * 2 * 100);
    }

    /** As the organiser (no proof of work), eight at a time; every one must be answered 201. */
    private List<String> register(String eventId, String run, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> addresses = new ArrayList<>();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String address = "fan-out-" + run + "-" + eventId.substring(0, 8) + "-" + i + "@example.org";
                addresses.add(address);
                answers.add(pool.submit(() -> system.asOrganiser()
                        .body(Map.of("name", "Fan-out Tester", "email", address))
                        .post(system.registration() + "/api/events/" + eventId + "/registrations").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
            return addresses;
        } finally {
            pool.shutdown();
        }
    }
}
