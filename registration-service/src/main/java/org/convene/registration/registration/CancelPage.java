package org.convene.registration.registration;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.EventView;
import org.convene.registration.catalogue.RegistrationClosed;
import org.convene.registration.i18n.PageLanguage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Where the cancel link of a registrant's emails leads. Opening it only asks: mail scanners open
 * links, so cancelling takes the button on the page, which sends the link's token back.
 */
@Path("/registrations/{id}/cancel")
@Produces(MediaType.TEXT_HTML)
public class CancelPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(EventView event, UUID registrationId, String token);

        static native TemplateInstance cancelled(EventView event, boolean already);

        static native TemplateInstance badLink();

        static native TemplateInstance tooLate(EventView event);
    }

    private final CancelLinks links;
    private final Registrar registrar;
    private final PageLanguage language;

    public CancelPage(CancelLinks links, Registrar registrar, PageLanguage language) {
        this.links = links;
        this.registrar = registrar;
        this.language = language;
    }

    @GET
    @Operation(summary = "Asks the registrant to confirm cancelling; the token comes from their email")
    public Response ask(@PathParam("id") UUID id, @QueryParam("token") String token) {
        Registration registration = valid(id, token);
        if (registration == null) {
            return badLink();
        }
        EventView event = view(registration);
        if (registration.state == RegistrationState.CANCELLED) {
            return Response.ok(language.render(Templates.cancelled(event, true))).build();
        }
        return Response.ok(language.render(Templates.confirm(event, id, token))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Cancels the registration; its place goes to the first on the waitlist")
    public Response cancel(@PathParam("id") UUID id, @RestForm String token) {
        Registration found = valid(id, token);
        if (found == null) {
            return badLink();
        }
        boolean already = found.state == RegistrationState.CANCELLED;
        EventView event = view(found);
        try {
            registrar.cancel(id);
        } catch (RegistrationClosed closed) {
            return Response.status(Response.Status.CONFLICT).entity(language.render(Templates.tooLate(event))).build();
        } catch (NoSuchRegistration erased) {
            // Erased since the link was checked: the link leads nowhere now.
            return badLink();
        }
        return Response.ok(language.render(Templates.cancelled(event, already))).build();
    }

    /** The registration, when the token is its own; a wrong token and an unknown id look the same. */
    private Registration valid(UUID id, String token) {
        return links.isValid(id, token) ? Registration.findById(id) : null;
    }

    private EventView view(Registration registration) {
        return EventView.of(CatalogueEvent.findById(registration.eventId), language.locale());
    }

    private Response badLink() {
        return Response.status(Response.Status.NOT_FOUND).entity(language.render(Templates.badLink())).build();
    }
}
