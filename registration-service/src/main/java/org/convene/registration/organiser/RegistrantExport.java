package org.convene.registration.organiser;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.convene.platform.problem.ProblemException;
import org.convene.platform.security.SecurityEvents;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.NoSuchEvent;
import org.convene.registration.registration.Registration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

/** An event's registrants for its organisers, as a spreadsheet. */
@Path("/api/registrants")
@RolesAllowed(OrganiserOnly.ROLE)
public class RegistrantExport {

    public static final String CSV = "text/csv; charset=UTF-8";

    private final JsonWebToken organiser;

    public RegistrantExport(JsonWebToken organiser) {
        this.organiser = organiser;
    }

    @GET
    @Path("{eventId}")
    @Produces(CSV)
    @Operation(summary = "The event's registrants as CSV (UTF-8 with a byte order mark), every state but erased; "
            + "with consentTo, only those who ticked that organisation's box")
    public Response registrants(@PathParam("eventId") UUID eventId, @QueryParam("consentTo") String consentTo,
            @Context HttpServerRequest client) {
        CatalogueEvent event = CatalogueEvent.findById(eventId);
        if (event == null) {
            throw new NoSuchEvent(eventId);
        }
        SecurityEvents.record(SecurityEvents.Kind.EXPORT, OrganiserOnly.id(organiser), client.remoteAddress().hostAddress(),
                eventId);
        List<String> organisations = event.organisations();
        if (consentTo != null && !organisations.contains(consentTo)) {
            throw ProblemException.invalidField("consentTo",
                    "'" + consentTo + "' is not an organisation of this event; it has " + organisations);
        }
        List<Registration> registrations = Registration.ofEvent(eventId).stream()
                .filter(r -> consentTo == null || r.consents.stream()
                        .anyMatch(c -> c.given() && c.organisation().equals(consentTo)))
                .toList();
        String file = "registrants-" + (event.details == null ? eventId : event.details.slug()) + ".csv";
        return Response.ok(RegistrantCsv.write(registrations, organisations), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
