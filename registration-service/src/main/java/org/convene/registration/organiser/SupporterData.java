package org.convene.registration.organiser;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.convene.platform.security.SecurityEvents;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.registration.ConsentAnswer;
import org.convene.registration.registration.Registration;
import org.convene.registration.registration.RegistrationForm;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

/**
 * One person's data, for the organisers who answer their requests: everything held of them, and
 * erasure, which reaches notification-service too.
 */
@Path("/api/supporters")
@RolesAllowed(OrganiserOnly.ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupporterData {

    /** One registration as held, with the exact consent words and when they were answered. */
    public record HeldRegistration(UUID registrationId, UUID eventId, String eventTitle, String name, String email,
            String country, String organisation, String timeZone, String language, String state, Instant registeredAt,
            int confirmationRequests, List<ConsentAnswer> consents) {

        static HeldRegistration of(Registration r) {
            CatalogueEvent event = CatalogueEvent.findById(r.eventId);
            return new HeldRegistration(r.id, r.eventId, event == null ? null : event.title, r.name, r.email,
                    r.country, r.organisation, r.timeZone, r.language, r.state.name(), r.createdAt,
                    r.confirmationRequests, List.copyOf(r.consents));
        }
    }

    /** What erasure did. */
    public record Erased(int registrations) {
    }

    private final SupporterErasure erasure;
    private final JsonWebToken organiser;

    public SupporterData(SupporterErasure erasure, JsonWebToken organiser) {
        this.erasure = erasure;
        this.organiser = organiser;
    }

    @POST
    @Path("export")
    @Transactional
    @Operation(summary = "Everything held of the person with this address (any capitalisation), across events; "
            + "an empty list when nothing is")
    public List<HeldRegistration> export(@Valid @NotNull SupporterRequest request, @Context HttpServerRequest client) {
        SecurityEvents.record(SecurityEvents.Kind.EXPORT, OrganiserOnly.id(organiser), client.remoteAddress().hostAddress(),
                null);
        return Registration.ofAddress(RegistrationForm.normalised(request.email())).stream()
                .map(HeldRegistration::of).toList();
    }

    @POST
    @Path("erasure")
    @Operation(summary = "Erases the person with this address from every event: their registrations and consent "
            + "answers are deleted, a RegistrationErased message tells the other services, and places they held go "
            + "to the waitlist")
    public Erased erase(@Valid @NotNull SupporterRequest request, @Context HttpServerRequest client) {
        SecurityEvents.record(SecurityEvents.Kind.ERASURE, OrganiserOnly.id(organiser), client.remoteAddress().hostAddress(),
                null);
        return new Erased(erasure.erase(RegistrationForm.normalised(request.email())));
    }
}
