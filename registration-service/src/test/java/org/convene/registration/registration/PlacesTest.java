package org.convene.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.registration.registration.Registrations.register;
import static org.convene.registration.registration.Registrations.storedFor;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.EventsTopic;
import org.convene.registration.RegistrationsTopic;
import org.convene.registration.bots.Proofs;
import org.convene.registration.bots.RefusalProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Places are exact under concurrency; a full event waitlists or refuses; freed places go to the waitlist. */
@QuarkusTest
class PlacesTest {

    private static final int CAPACITY = 5;
    private static final int ARRIVING_AT_ONCE = 60;

    @Inject
    EventsTopic events;

    @Inject
    CancelLinks cancelLinks;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void manyArrivingAtOnceForTheLastPlacesNeverOverfillAndTheRestAreRefusedAsFull() throws Exception {
        UUID eventId = events.openEvent("Hot event", CAPACITY, false, "Friends of Bolivia", List.of()).id();

        Map<Integer, Long> statuses = registerAtOnce(eventId, ARRIVING_AT_ONCE).stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        assertThat(statuses).isEqualTo(Map.of(201, (long) CAPACITY, 409, (long) ARRIVING_AT_ONCE - CAPACITY));
        assertThat(placesTakenAsKept(eventId)).isEqualTo(CAPACITY);
        assertThat(storedFor(eventId, RegistrationState.REGISTERED)).hasSize(CAPACITY);
        assertThat(RegistrationsTopic.rowsFor(eventId)).isEqualTo(CAPACITY);
        register(eventId, "Late", "late@example.org").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:convene:problem:event-full"));
    }

    @Test
    void withAWaitlistTheRestWaitInOrderAndAFreedPlaceGoesToTheFirstOfThem() throws Exception {
        UUID eventId = events.openEvent("Hot event with a waitlist", CAPACITY, true, "Friends of Bolivia", List.of())
                .id();

        List<HttpResponse<String>> answers = registerAtOnce(eventId, ARRIVING_AT_ONCE);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream().filter(a -> a.body().contains("\"state\":\"REGISTERED\""))).hasSize(CAPACITY);
        assertThat(storedFor(eventId, RegistrationState.REGISTERED)).hasSize(CAPACITY);
        List<Registration> waiting = storedFor(eventId, RegistrationState.WAITLISTED);
        assertThat(waiting).hasSize(ARRIVING_AT_ONCE - CAPACITY);

        // One registrant cancels from their email: the longest waiting gets the place, and is told so.
        Registration leaving = storedFor(eventId, RegistrationState.REGISTERED).get(0);
        given().formParam("token", cancelLinks.token(leaving.id))
                .post("/registrations/{id}/cancel", leaving.id).then().statusCode(200);

        assertThat(storedFor(eventId, RegistrationState.PROMOTED)).extracting(r -> r.id)
                .containsExactly(waiting.get(0).id);
        assertThat(storedFor(eventId, RegistrationState.REGISTERED)).hasSize(CAPACITY - 1);
        assertThat(storedFor(eventId, RegistrationState.WAITLISTED)).hasSize(ARRIVING_AT_ONCE - CAPACITY - 1);
        assertThat(placesTakenAsKept(eventId)).isEqualTo(CAPACITY);
        String promoted = waiting.get(0).id.toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> RegistrationsTopic.messagesFor(kafka, eventId).stream()
                .anyMatch(m -> m.key().equals(promoted) && m.value().contains("\"state\":\"PROMOTED\"")));
    }

    @Test
    void moreOrUnlimitedPlacesFromTheOrganiserMoveTheWaitlistUpAtOnce() {
        EventSnapshot event = events.openEvent("Growing event", 1, true, "Friends of Bolivia", List.of());
        UUID eventId = event.id();
        register(eventId, "First", "first@example.org").then().statusCode(201).body("state", equalTo("REGISTERED"));
        for (String name : List.of("second", "third", "fourth")) {
            register(eventId, name, name + "@example.org").then().statusCode(201).body("state", equalTo("WAITLISTED"));
        }

        events.publish(withVersion(EventsTopic.withDetails(event, 3, true, "Friends of Bolivia", List.of()), 2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> storedFor(eventId, RegistrationState.PROMOTED).size() == 2);
        // The two who waited longest; promoted together, so in no particular order among themselves.
        assertThat(storedFor(eventId, RegistrationState.PROMOTED)).extracting(r -> r.name)
                .containsExactlyInAnyOrder("second", "third");

        events.publish(withVersion(EventsTopic.withDetails(event, null, true, "Friends of Bolivia", List.of()), 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedFor(eventId, RegistrationState.WAITLISTED).isEmpty());
        assertThat(storedFor(eventId, RegistrationState.PROMOTED)).hasSize(3);
        assertThat(placesTakenAsKept(eventId)).isEqualTo(4);
    }

    @Test
    void theCountOfPlacesTakenFollowsEveryChangeOfAState() {
        UUID eventId = events.openEvent("Changing event", 2, true, "Friends of Bolivia", List.of()).id();
        assertThat(placesTakenAsKept(eventId)).isZero();
        for (String name : List.of("ana", "bea", "carla")) {
            register(eventId, name, name + "@example.org").then().statusCode(201);
        }
        assertThat(placesTakenAsKept(eventId)).isEqualTo(2);

        // A waitlisted person leaving frees no place; a registered one leaving gives theirs to carla.
        Registration carla = storedFor(eventId, RegistrationState.WAITLISTED).getFirst();
        register(eventId, "dora", "dora@example.org").then().statusCode(201).body("state", equalTo("WAITLISTED"));
        Registration dora = storedFor(eventId, RegistrationState.WAITLISTED).getLast();
        given().formParam("token", cancelLinks.token(dora.id)).post("/registrations/{id}/cancel", dora.id)
                .then().statusCode(200);
        assertThat(placesTakenAsKept(eventId)).isEqualTo(2);
        Registration ana = storedFor(eventId, RegistrationState.REGISTERED).getFirst();
        given().formParam("token", cancelLinks.token(ana.id)).post("/registrations/{id}/cancel", ana.id)
                .then().statusCode(200);
        assertThat(storedFor(eventId, RegistrationState.PROMOTED)).extracting(r -> r.id).containsExactly(carla.id);
        assertThat(placesTakenAsKept(eventId)).isEqualTo(2);

        // Back after cancelling: in the queue again, with no place free.
        register(eventId, "ana", "ana@example.org").then().statusCode(201).body("state", equalTo("WAITLISTED"));
        assertThat(placesTakenAsKept(eventId)).isEqualTo(2);
    }

    /** The count registration-service keeps, checked against the registrations that hold a place. */
    private static int placesTakenAsKept(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> kept = Registration.getEntityManager()
                    .createNativeQuery("select taken from event_places where event_id = ?1")
                    .setParameter(1, eventId).getResultList();
            int taken = kept.isEmpty() ? 0 : ((Number) kept.getFirst()).intValue();
            long holding = Registration.count("eventId = ?1 and state in ?2", eventId, Registration.HOLDING_A_PLACE);
            assertThat(taken).as("places taken as kept, against the registrations holding one").isEqualTo(holding);
            return taken;
        });
    }

    private static EventSnapshot withVersion(EventSnapshot s, long version) {
        return new EventSnapshot(s.id(), version, s.status(), s.title(), s.startsAt(), s.timeZone(),
                s.durationMinutes(), s.joinUrl(), s.notice(), s.recordingUrl(), s.reportBackUrl(), s.details());
    }

    /** {@code count} different people, released together once every request is ready. */
    private List<HttpResponse<String>> registerAtOnce(UUID eventId, int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = base.toURI().resolve("/api/events/" + eventId + "/registrations");
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        // Each with its own proof of work, solved before the race as each sender's browser would.
        Function<Integer, HttpRequest> request = i -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header(RefusalProblem.PROOF_HEADER, Proofs.fresh())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Person " + i + "\",\"email\":\"person" + i + "@example.org\"}"))
                .build();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest r = request.apply(i);
                sent.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.send(r, HttpResponse.BodyHandlers.ofString());
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        }
    }
}
