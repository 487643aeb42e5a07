package org.convene.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.convene.localstack.CapturedMail;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No registrant's address in any service's log, after the whole run: this class runs last (see
 * junit-platform.properties), when every other test has registered, cancelled, bounced and erased
 * through the real processes. The addresses looked for are every recipient the SMTP server saw, so the
 * scan grows with the suite; it also registers someone itself, so that it means something when run alone.
 */
@ExtendWith(SystemUnderTestExtension.class)
@Order(Integer.MAX_VALUE)
class PersonalDataInLogsTest {

    /**
     * Anything shaped like an address, to catch one that never got an email (a refused registration), in
     * lower-cased text. A domain ends in a name, not a number: the broker's {@code 1@127.0.0.1} names its controller.
     */
    private static final Pattern ADDRESS = Pattern.compile("[\\w.%+-]+(@|%40)[\\w-]+(\\.[\\w-]+)*\\.[a-z][\\w-]*");

    private final SystemUnderTest system;

    PersonalDataInLogsTest(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void noRegistrantsAddressIsInAnyServicesLog() throws IOException {
        String eventId = system.createAndPublish("Logs keep no addresses",
                LocalDate.now().plusDays(20).atTime(18, 30));
        system.awaitEventPage(eventId);
        String own = "logscan+" + UUID.randomUUID() + "@example.org";
        system.asOrganiser().body(Map.of("name", "Rosa Apaza", "email", own))
                .post(system.registration() + "/api/events/" + eventId + "/registrations").then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !system.mailbox().to(own).isEmpty());

        Set<String> registrants = system.mailbox().headers().stream().map(CapturedMail::to).flatMap(List::stream)
                .map(String::toLowerCase).collect(Collectors.toSet());
        assertThat(registrants).contains(own);
        List<Path> logs;
        try (Stream<Path> files = Files.list(system.log(SystemUnderTest.EVENTS_SERVICE).getParent())) {
            logs = files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
        // One log per service process and the broker's, each with its start in it: a scan of nothing would prove
        // nothing.
        assertThat(logs).extracting(file -> file.getFileName().toString())
                .contains("events-service.log", "registration-service.log", "notification-service.log", "kafka.log");
        String organiser = system.stack().organiserSecrets().email().toLowerCase();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).as(log + " is the log of a service or of the broker").containsAnyOf("started in",
                    "Kafka Server started");
            String lower = text.toLowerCase();
            for (String registrant : registrants) {
                assertThat(lower).as("%s holds a registrant's address", log)
                        .doesNotContain(registrant)
                        .doesNotContain(URLEncoder.encode(registrant, StandardCharsets.UTF_8).toLowerCase());
            }
            Matcher any = ADDRESS.matcher(lower);
            while (any.find()) {
                assertThat(any.group()).as("an address in %s", log).isEqualTo(organiser);
            }
        }
    }
}
