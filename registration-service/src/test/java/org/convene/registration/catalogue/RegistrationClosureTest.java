package org.convene.registration.catalogue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.convene.contracts.event.EventStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Registration is open until the event ends or is called off; a registrant may cancel until it ends. */
@Tag("unit")
class RegistrationClosureTest {

    private static final Instant START = Instant.parse("2030-05-04T17:00:00Z");
    private static final Instant END = START.plusSeconds(90 * 60);

    @Test
    void registrationIsOpenUntilTheEventEnds() {
        assertDoesNotThrow(() -> event(EventStatus.PUBLISHED).checkOpen(START.minusSeconds(3600)));
        assertDoesNotThrow(() -> event(EventStatus.RESCHEDULED).checkOpen(END.minusSeconds(1)));
        var ended = assertThrows(RegistrationClosed.class, () -> event(EventStatus.PUBLISHED).checkOpen(END));
        assertEquals(CatalogueEvent.Closure.ENDED, ended.why());
        assertEquals("Registration for this event is closed: the event has ended.", ended.getMessage());
    }

    @Test
    void aCompletedEventIsClosedEvenBeforeItsEnd() {
        var completed = assertThrows(RegistrationClosed.class, () -> event(EventStatus.COMPLETED).checkOpen(START));
        assertEquals(CatalogueEvent.Closure.ENDED, completed.why());
    }

    @Test
    void aCancelledEventIsClosedAtOnce() {
        var cancelled = assertThrows(RegistrationClosed.class,
                () -> event(EventStatus.CANCELLED).checkOpen(START.minusSeconds(86_400)));
        assertEquals(CatalogueEvent.Closure.CANCELLED, cancelled.why());
        assertEquals("Registration for this event is closed: the event was cancelled.", cancelled.getMessage());
    }

    @Test
    void aRegistrantMayCancelUntilTheEventEndsEvenOnceItIsCalledOff() {
        assertDoesNotThrow(() -> event(EventStatus.PUBLISHED).checkCancellable(END.minusSeconds(1)));
        assertDoesNotThrow(() -> event(EventStatus.CANCELLED).checkCancellable(START));
        var late = assertThrows(RegistrationClosed.class, () -> event(EventStatus.PUBLISHED).checkCancellable(END));
        assertEquals("The event has ended.", late.getMessage());
    }

    private static CatalogueEvent event(EventStatus status) {
        CatalogueEvent event = new CatalogueEvent();
        event.status = status;
        event.startsAt = START;
        event.durationMinutes = 90;
        return event;
    }
}
