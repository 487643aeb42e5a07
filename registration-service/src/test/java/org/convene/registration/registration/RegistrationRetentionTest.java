package org.convene.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.convene.contracts.event.EventSnapshot;
import org.convene.contracts.event.EventStatus;
import org.convene.registration.EventsTopic;
import org.convene.registration.catalogue.CatalogueEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Registrants' data has an end: twelve months after the event, their registrations and consents go. */
@QuarkusTest
class RegistrationRetentionTest {

    private static final String HOST = "Friends of Bolivia";

    @Inject
    EventsTopic events;

    @Inject
    RegistrationRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void theRegistrationsOfAnEventThatEndedOverAYearAgoGoAndOthersStay() {
        EventSnapshot past = events.openEvent("Held long ago", null, false, HOST, List.of());
        EventSnapshot recent = events.openEvent("Held last month", null, false, HOST, List.of());
        EventSnapshot coming = events.openEvent("Still to come", null, false, HOST, List.of());
        for (EventSnapshot event : List.of(past, recent, coming)) {
            Registrations.register(event.id(), Map.of("name", "Rosa Apaza", "email", "rosa-" + UUID.randomUUID()
                    + "@example.org", "consentTo", List.of(HOST))).then().statusCode(201);
        }
        // As events-service would tell it later: the first held 13 months ago, the second 11.
        moved(past, OffsetDateTime.now().minusMonths(13));
        moved(recent, OffsetDateTime.now().minusMonths(11));

        assertThat(retention.forgetPast()).isGreaterThanOrEqualTo(1);

        assertThat(registrations(past.id())).isZero();
        assertThat(consents(past.id())).isZero();
        assertThat(registrations(recent.id())).isEqualTo(1);
        assertThat(consents(recent.id())).isEqualTo(1);
        assertThat(registrations(coming.id())).isEqualTo(1);
    }

    private void moved(EventSnapshot event, OffsetDateTime start) {
        events.publish(new EventSnapshot(event.id(), event.version() + 1, EventStatus.COMPLETED, event.title(), start,
                event.timeZone(), event.durationMinutes(), event.joinUrl(), null, null, null, event.details()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CatalogueEvent.<CatalogueEvent> findById(event.id()).version == event.version() + 1));
    }

    private long registrations(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.count("eventId", eventId));
    }

    private long consents(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from registration_consent c join registration r on r.id = c.registration_id"
                        + " where r.event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue());
    }
}
