package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault suite, 1: every service killed with SIGKILL at random moments while supporters register, and
 * started again as Kubernetes would. Nothing answered 201 is lost, everyone stored gets one confirmation
 * (by Message-ID), events-service's counts match, and every consumer catches up.
 */
@ExtendWith(SystemUnderTestExtension.class)
class KillsDuringRegistrationsTest {

    private static final List<String> SERVICES = List.of("registration-service", "notification-service",
            "events-service");

    private final SystemUnderTest system;
    private final Guarantees guarantees;

    KillsDuringRegistrationsTest(SystemUnderTest system) {
        this.system = system;
        this.guarantees = new Guarantees(system);
    }

    @Test
    void nothingAnsweredIsLostAndEveryoneGetsOneConfirmationAcrossKills() throws Exception {
        FaultScale scale = FaultScale.current();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String title = "Kills " + UUID.randomUUID().toString().substring(0, 8);
        String eventId = system.createAndPublish(title, LocalDate.now().plusDays(30).atTime(18, 0));
        system.awaitEventPage(eventId);

        List<String> kills = new ArrayList<>();
        for (int round = 0; round < scale.killsPerService(); round++) {
            kills.addAll(SERVICES);
        }
        Collections.shuffle(kills, random);
        List<String> accepted;
        String load;
        try (RegistrationLoad registrations = new RegistrationLoad(system, eventId, eventId.substring(0, 8),
                scale.registrationsPerSecond())) {
            for (String service : kills) {
                // A random moment: the kill may land in a request, a poll, a send or a commit.
                Thread.sleep(500 + random.nextInt(3000));
                system.services().killAndRestart(service);
            }
            registrations.close();
            accepted = registrations.accepted();
            load = registrations.summary();
        }

        assertThat(accepted).as("registrations answered 201 during the kills: %s", load).isNotEmpty();
        Set<String> stored = guarantees.stored(List.of(eventId));
        assertThat(stored).as("every registration answered 201 is stored (seed %d)", seed).containsAll(accepted);
        guarantees.awaitAllSent(List.of(eventId), "CONFIRMATION", stored.size());
        int duplicates = guarantees.exactlyOneEach(stored, ("You're registered: " + title)::equals);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            var event = system.asOrganiser().get(system.events() + "/api/events/" + eventId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(event.getInt("registrations.REGISTERED")).isEqualTo(stored.size());
            assertThat(event.getInt("emails.confirmation.sent")).isEqualTo(stored.size());
        });
        guarantees.awaitConsumersCaughtUp();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scale", scale.name());
        figures.put("seed", seed);
        figures.put("kills", kills.size());
        figures.put("load", load);
        figures.put("stored", stored.size());
        figures.put("storedWithoutAnswer", stored.size() - accepted.size());
        figures.put("duplicateCopies", duplicates);
        System.out.println(Guarantees.report("kills during registrations", figures));
        // The window docs/architecture.md allows: the batches a killed dispatcher had at the SMTP server, two of
        // convene.mail.batch-size (100) at most.
        assertThat((long) duplicates).isLessThanOrEqualTo(kills.stream().filter("notification-service"::equals).count()
                * 2 * 100);
    }
}
