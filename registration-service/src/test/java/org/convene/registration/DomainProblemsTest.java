package org.convene.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.convene.platform.domain.DomainException;
import org.convene.platform.problem.Problem;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.NoSuchEvent;
import org.convene.registration.catalogue.RegistrationClosed;
import org.convene.registration.registration.EventFull;
import org.convene.registration.registration.NoSuchRegistration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each refusal answers as docs/api.md says: its problem type and status, in the refusal's own words. */
@Tag("unit")
class DomainProblemsTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void missingThingsAreNotFound() {
        assertProblem(new NoSuchEvent(ID), "urn:convene:problem:not-found", 404, "No event " + ID);
        assertProblem(new NoSuchRegistration(ID), "urn:convene:problem:not-found", 404, "No registration " + ID);
    }

    @Test
    void aClosedOrFullEventHasAProblemOfItsOwn() {
        assertProblem(new RegistrationClosed(CatalogueEvent.Closure.CANCELLED), "urn:convene:problem:registration-closed",
                409, "Registration for this event is closed: the event was cancelled.");
        assertProblem(new EventFull(40), "urn:convene:problem:event-full", 409,
                "All 40 places for this event are taken, and it has no waitlist.");
    }

    private static void assertProblem(DomainException refusal, String type, int status, String detail) {
        Problem problem = DomainProblems.problemFor(refusal).problem();
        assertEquals(type, problem.type());
        assertEquals(status, problem.status());
        assertEquals(detail, problem.detail());
    }
}
