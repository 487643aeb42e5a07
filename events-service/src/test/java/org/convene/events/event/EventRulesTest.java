package org.convene.events.event;

import static org.convene.events.event.EventState.CANCELLED;
import static org.convene.events.event.EventState.COMPLETED;
import static org.convene.events.event.EventState.DRAFT;
import static org.convene.events.event.EventState.PUBLISHED;
import static org.convene.events.event.EventState.RESCHEDULED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules of an event's life, on the entity alone: which step each state allows, and why one is refused. */
@Tag("unit")
class EventRulesTest {

    /** Written out here rather than read from EventStep, so that a change to either shows. */
    private static final Map<EventStep, Set<EventState>> ALLOWED = Map.of(
            EventStep.EDIT, EnumSet.of(DRAFT, PUBLISHED, RESCHEDULED),
            EventStep.PUBLISH, EnumSet.of(DRAFT),
            EventStep.RESCHEDULE, EnumSet.of(PUBLISHED, RESCHEDULED),
            EventStep.CANCEL, EnumSet.of(PUBLISHED, RESCHEDULED),
            EventStep.COMPLETE, EnumSet.of(PUBLISHED, RESCHEDULED, COMPLETED),
            EventStep.DELETE, EnumSet.of(DRAFT));

    private static final LocalDateTime START = LocalDateTime.of(2030, 5, 4, 18, 0);

    @Test
    void everyStateAllowsItsStepsAndRefusesTheOthers() {
        assertEquals(EnumSet.allOf(EventStep.class), ALLOWED.keySet(), "a step without its expected states");
        for (EventStep step : EventStep.values()) {
            for (EventState state : EventState.values()) {
                Event event = event(state);
                if (ALLOWED.get(step).contains(state)) {
                    assertDoesNotThrow(() -> event.check(step), step + " from " + state);
                } else {
                    assertThrows(EventStateForbids.class, () -> event.check(step), step + " from " + state);
                }
            }
        }
    }

    @Test
    void aRefusalNamesTheStateAndTheStatesThatAllowTheStep() {
        var refused = assertThrows(EventStateForbids.class, () -> event(CANCELLED).check(EventStep.RESCHEDULE));
        assertEquals("A CANCELLED event cannot be rescheduled; only [PUBLISHED, RESCHEDULED] can", refused.getMessage());
    }

    @Test
    void aPublicEventIsCancelledNotDeleted() {
        var refused = assertThrows(EventStateForbids.class, () -> event(PUBLISHED).check(EventStep.DELETE));
        assertEquals("Only a draft can be deleted; cancel a PUBLISHED event instead", refused.getMessage());
    }

    @Test
    void onlyADraftChangesItsTimeByEditing() {
        assertDoesNotThrow(() -> event(DRAFT).checkTimeKept(START.plusDays(1), "Europe/Madrid"));
        assertDoesNotThrow(() -> event(PUBLISHED).checkTimeKept(START, "Europe/London"));
        for (EventState state : EnumSet.of(PUBLISHED, RESCHEDULED)) {
            assertThrows(EventStateForbids.class, () -> event(state).checkTimeKept(START.plusHours(1), "Europe/London"));
            assertThrows(EventStateForbids.class, () -> event(state).checkTimeKept(START, "Europe/Madrid"));
        }
    }

    @Test
    void anEventIsCompletedOnceItHasStarted() {
        Event event = event(PUBLISHED);
        Instant start = event.startsAt().toInstant();
        var refused = assertThrows(EventStateForbids.class, () -> event.checkStarted(start.minusSeconds(1)));
        assertEquals("An event can be completed once it has started", refused.getMessage());
        assertDoesNotThrow(() -> event.checkStarted(start));
        assertDoesNotThrow(() -> event.checkStarted(start.plusSeconds(3600)));
    }

    private static Event event(EventState state) {
        Event event = new Event();
        event.status = state;
        event.localStart = START;
        event.timeZone = "Europe/London";
        return event;
    }
}
