package org.convene.events.backoffice;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.convene.contracts.registration.RegistrationState;
import org.convene.events.event.Event;
import org.convene.events.event.EventLifecycle;
import org.convene.events.event.EventState;
import org.convene.events.organiser.Organiser;
import org.convene.events.tally.RegistrationTally;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The back office's first page: drafts, upcoming events and past ones, with their registrations. */
@Path(SignInPage.PAGES)
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.TEXT_HTML)
public class EventListPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(List<EventOverview> drafts, List<EventOverview> upcoming,
                List<EventOverview> past);
    }

    private final EventLifecycle lifecycle;
    private final Clock clock;

    public EventListPage(EventLifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The organiser's events: drafts, upcoming and past, with registration counts")
    public TemplateInstance events() {
        List<Event> events = lifecycle.list();
        Map<UUID, Map<RegistrationState, Long>> counts = RegistrationTally.countsFor(events.stream().map(e -> e.id).toList());
        List<EventOverview> all = events.stream()
                .map(e -> EventOverview.of(e, counts.getOrDefault(e.id, Map.of()), clock)).toList();
        List<EventOverview> drafts = all.stream().filter(EventOverview::draft).toList();
        List<EventOverview> upcoming = all.stream()
                .filter(e -> !e.draft() && !e.past() && e.event().status != EventState.CANCELLED).toList();
        // Past: held or called off, the most recent first.
        List<EventOverview> past = all.stream().filter(e -> !e.draft() && !upcoming.contains(e)).toList().reversed();
        return Templates.events(drafts, upcoming, past);
    }
}
