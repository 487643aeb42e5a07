package org.convene.registration.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.convene.contracts.registration.RegistrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who gets a place, who waits, who is turned away, and how many move up from the waitlist. */
@Tag("unit")
class PlaceCountTest {

    @Test
    void aNewcomerGetsAPlaceWhileOneIsFree() {
        assertEquals(RegistrationState.REGISTERED, new PlaceCount(Optional.of(3), false, 0).forNewcomer());
        assertEquals(RegistrationState.REGISTERED, new PlaceCount(Optional.of(3), true, 2).forNewcomer());
    }

    @Test
    void onceEveryPlaceIsTakenANewcomerWaitsWhenTheEventHasAWaitlist() {
        assertEquals(RegistrationState.WAITLISTED, new PlaceCount(Optional.of(3), true, 3).forNewcomer());
        // More taken than there are places: the organiser lowered the capacity.
        assertEquals(RegistrationState.WAITLISTED, new PlaceCount(Optional.of(3), true, 5).forNewcomer());
    }

    @Test
    void withoutAWaitlistAFullEventTurnsNewcomersAway() {
        var full = assertThrows(EventFull.class, () -> new PlaceCount(Optional.of(3), false, 3).forNewcomer());
        assertEquals("All 3 places for this event are taken, and it has no waitlist.", full.getMessage());
    }

    @Test
    void anEventWithoutALimitAlwaysHasAPlace() {
        assertEquals(RegistrationState.REGISTERED, new PlaceCount(Optional.empty(), false, 10_000).forNewcomer());
        assertEquals(Integer.MAX_VALUE, new PlaceCount(Optional.empty(), true, 10_000).free());
    }

    @Test
    void asManyMoveUpAsThereAreFreePlacesAndNeverFewerThanNone() {
        assertEquals(2, new PlaceCount(Optional.of(5), true, 3).free());
        assertEquals(0, new PlaceCount(Optional.of(5), true, 5).free());
        assertEquals(0, new PlaceCount(Optional.of(5), true, 7).free());
    }
}
