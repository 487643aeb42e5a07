package org.convene.registration.registration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.event.EventStatus;
import org.convene.contracts.registration.RegistrationState;
import org.convene.platform.time.EventTime;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.EventView;
import org.convene.registration.i18n.PageLanguage;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Where the joining link of a registrant's emails leads. While the event is on, the first visit
 * records that the person came, and every visit goes on to the event's own link; at any other time
 * the page says why not, and the event's link stays out of sight.
 */
@Path("/join/{id}")
@Produces(MediaType.TEXT_HTML)
public class JoinPage {

    /** When the way in opens, written as the pages write times, for people and for {@code <time>}. */
    public record Opening(String when, String datetime, long minutesBefore) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badLink();

        static native TemplateInstance cancelled(EventView event);

        static native TemplateInstance waitlisted(EventView event);

        static native TemplateInstance eventCancelled(EventView event);

        static native TemplateInstance notYet(EventView event, Opening opening);

        static native TemplateInstance ended(EventView event);
    }

    private final JoinLinks links;
    private final Registrar registrar;
    private final PageLanguage language;
    private final Clock clock;
    private final Duration opensBefore;

    public JoinPage(JoinLinks links, Registrar registrar, PageLanguage language, Clock clock, JoinConfig config) {
        this.links = links;
        this.registrar = registrar;
        this.language = language;
        this.clock = clock;
        this.opensBefore = config.opensBefore();
    }

    @GET
    @Operation(summary = "The registrant's way into the event; the token comes from their email. From shortly before "
            + "the start to the end: 303 to the event's joining link, the first visit recording attendance; otherwise "
            + "a page saying why not (400 for a link that is not valid)")
    public Response join(@PathParam("id") UUID id, @QueryParam("token") String token) {
        // A wrong token and an unknown id look the same.
        Registration registration = links.isValid(id, token) ? Registration.findById(id) : null;
        if (registration == null) {
            return page(Response.Status.BAD_REQUEST, Templates.badLink());
        }
        CatalogueEvent event = CatalogueEvent.findById(registration.eventId);
        EventView view = EventView.of(event, language.locale());
        Instant now = clock.instant();
        Instant opens = event.startsAt.minus(opensBefore);
        if (registration.state == RegistrationState.CANCELLED) {
            return page(Response.Status.OK, Templates.cancelled(view));
        }
        if (event.status == EventStatus.CANCELLED) {
            return page(Response.Status.OK, Templates.eventCancelled(view));
        }
        if (event.status == EventStatus.COMPLETED || !now.isBefore(event.endsAt())) {
            return page(Response.Status.OK, Templates.ended(view));
        }
        if (!registration.holdsAPlace()) {
            return page(Response.Status.OK, Templates.waitlisted(view));
        }
        if (now.isBefore(opens)) {
            Opening opening = new Opening(EventTime.describe(opens, event.zone(), language.locale()),
                    opens.atZone(event.zone()).toOffsetDateTime().toString(), opensBefore.toMinutes());
            return page(Response.Status.OK, Templates.notYet(view, opening));
        }
        if (registration.attendedAt == null) {
            registrar.attend(id);
        }
        // Never cached, like the pages: the event's link goes to this visit only.
        return Response.seeOther(URI.create(event.joinUrl)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * Not stored either: what the link answers changes with the time, and the next answer may be the
     * event's own link.
     */
    private Response page(Response.Status status, TemplateInstance template) {
        return Response.status(status).entity(language.render(template)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
