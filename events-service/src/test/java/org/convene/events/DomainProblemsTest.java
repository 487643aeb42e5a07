package org.convene.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.convene.events.event.EventStateForbids;
import org.convene.events.event.NoSuchEvent;
import org.convene.events.mailing.MailingAlreadySent;
import org.convene.events.mailing.MailingUntested;
import org.convene.events.mailing.NoSuchMailing;
import org.convene.platform.domain.DomainException;
import org.convene.platform.problem.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each refusal answers as docs/api.md says: its problem type and status, in the refusal's own words. */
@Tag("unit")
class DomainProblemsTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID MAILING = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void missingThingsAreNotFound() {
        assertProblem(new NoSuchEvent(EVENT), "urn:convene:problem:not-found", 404, "No event " + EVENT);
        assertProblem(new NoSuchMailing(EVENT, MAILING), "urn:convene:problem:not-found", 404,
                "No mailing " + MAILING + " for event " + EVENT);
    }

    @Test
    void refusedChangesAreConflicts() {
        assertProblem(new EventStateForbids("not now"), "urn:convene:problem:conflict", 409, "not now");
        assertProblem(new MailingAlreadySent("sent"), "urn:convene:problem:conflict", 409, "sent");
        assertProblem(new MailingUntested(), "urn:convene:problem:conflict", 409,
                "Test it first: send yourself a test of this text, then send it to the registrants");
    }

    private static void assertProblem(DomainException refusal, String type, int status, String detail) {
        Problem problem = DomainProblems.problemFor(refusal).problem();
        assertEquals(type, problem.type());
        assertEquals(status, problem.status());
        assertEquals(detail, problem.detail());
    }
}
