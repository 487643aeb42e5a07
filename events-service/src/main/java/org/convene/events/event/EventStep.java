package org.convene.events.event;

import static org.convene.events.event.EventState.COMPLETED;
import static org.convene.events.event.EventState.DRAFT;
import static org.convene.events.event.EventState.PUBLISHED;
import static org.convene.events.event.EventState.RESCHEDULED;

import java.util.EnumSet;
import java.util.Set;

/** What an organiser does to an event, each allowed from some of its states only: the pages offer no other. */
public enum EventStep {
    EDIT("edited", EnumSet.of(DRAFT, PUBLISHED, RESCHEDULED)),
    PUBLISH("published", EnumSet.of(DRAFT)),
    RESCHEDULE("rescheduled", EnumSet.of(PUBLISHED, RESCHEDULED)),
    CANCEL("cancelled", EnumSet.of(PUBLISHED, RESCHEDULED)),
    /** Again once completed: that replaces the links, e.g. to add the report-back later. */
    COMPLETE("completed", EnumSet.of(PUBLISHED, RESCHEDULED, COMPLETED)),
    /** Only a draft: nobody outside has seen it. A public event is cancelled instead. */
    DELETE("deleted", EnumSet.of(DRAFT));

    private final String done;
    private final Set<EventState> from;

    EventStep(String done, Set<EventState> from) {
        this.done = done;
        this.from = from;
    }

    public boolean allowedFrom(EventState state) {
        return from.contains(state);
    }

    /** Why an event in {@code state} cannot take this step, in the organiser's words. */
    String refusal(EventState state) {
        if (this == DELETE) {
            return "Only a draft can be deleted; cancel a " + state + " event instead";
        }
        return "A " + state + " event cannot be " + done + "; only " + from + " can";
    }
}
