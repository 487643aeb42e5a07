package org.convene.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;

/**
 * Fault suite, 3: PostgreSQL stopped. The API answers 503 with a problem document and Retry-After, the
 * pages a page that says so, nothing is half-written, and when it is back everything goes on by itself:
 * registrations taken just before it went are confirmed (their messages met consumers that could not
 * store them, and waited), and supporters register as ever.
 */
@ExtendWith(SystemUnderTestExtension.class)
class PostgresOutageTest {

    private final SystemUnderTest system;
    private final Guarantees guarantees;

    PostgresOutageTest(SystemUnderTest system) {
        this.system = system;
        this.guarantees = new Guarantees(system);
    }

    @Test
    void whileTheDatabaseIsAwayTheAnswersSaySoAndEverythingRecoversOnItsOwn() throws Exception {
        String title = "Database away " + UUID.randomUUID().toString().substring(0, 8);
        String eventId = system.createAndPublish(title, LocalDate.now().plusDays(30).atTime(18, 0));
        String page = system.awaitEventPage(eventId);
        String during = "db-away-" + UUID.randomUUID() + "@example.org";
        String after = "db-back-" + UUID.randomUUID() + "@example.org";
        try (RegistrationLoad registrations = new RegistrationLoad(system, eventId, eventId.substring(0, 8), 20)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> registrations.accepted().size() >= 20);

            system.stack().stopPostgres();
            try {
                // Every pooled connection has to notice first: a request may meet one that has not yet.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().contentType("application/json")
                        .auth().oauth2(system.organiserToken())
                        .body(Map.of("name", "Ana Quispe", "email", during))
                        .post(system.registration() + "/api/events/" + eventId + "/registrations")
                        .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5"));
                Response shown = given().accept("text/html").get(page);
                assertThat(shown.statusCode()).isEqualTo(503);
                assertThat(shown.contentType()).startsWith("text/html");
                assertThat(shown.asString()).contains("Back in a moment", "nothing you sent was saved");
                system.asOrganiser().get(system.events() + "/api/events/" + eventId)
                        .then().statusCode(503).contentType("application/problem+json");
            } finally {
                system.stack().startPostgres();
            }

            // Back: the page, the API and the load's registrations, without a restart.
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get(page).statusCode() == 200);
            int before = registrations.accepted().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> registrations.accepted().size() >= before + 20);
            registrations.close();
            system.asOrganiser().body(Map.of("name", "Bea Mamani", "email", after))
                    .post(system.registration() + "/api/events/" + eventId + "/registrations").then().statusCode(201);

            Set<String> stored = guarantees.stored(List.of(eventId));
            assertThat(stored).containsAll(registrations.accepted()).contains(after)
                    // Nothing half-written: the registration refused while the database was away exists nowhere.
                    .doesNotContain(during);
            guarantees.awaitAllSent(List.of(eventId), "CONFIRMATION", stored.size());
            assertThat(guarantees.exactlyOneEach(stored, ("You're registered: " + title)::equals)).isZero();
            assertThat(system.mailbox().to(during)).isEmpty();
            guarantees.awaitConsumersCaughtUp();
            System.out.println(Guarantees.report("database away", Map.of("load", registrations.summary(),
                    "stored", stored.size())));
        }
    }
}
