package org.convene.registration.registration;

import java.util.Optional;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.catalogue.CatalogueEvent;

/**
 * An event's places at one moment: how many it has (empty for no limit), whether people wait for one
 * once they are taken, and how many are taken.
 */
record PlaceCount(Optional<Integer> capacity, boolean waitlist, long taken) {

    static PlaceCount of(CatalogueEvent event, long taken) {
        return new PlaceCount(event.capacity(), event.hasWaitlist(), taken);
    }

    /**
     * The state a newcomer gets: a place while there is one, else the waitlist.
     *
     * @throws EventFull when every place is taken and there is no waitlist
     */
    RegistrationState forNewcomer() {
        if (free() > 0) {
            return RegistrationState.REGISTERED;
        }
        if (waitlist) {
            return RegistrationState.WAITLISTED;
        }
        throw new EventFull(capacity.orElseThrow());
    }

    /** How many places are free: as many of the longest waiting move up. Without a limit, any number. */
    int free() {
        return capacity.map(places -> (int) Math.max(0, places - taken)).orElse(Integer.MAX_VALUE);
    }
}
