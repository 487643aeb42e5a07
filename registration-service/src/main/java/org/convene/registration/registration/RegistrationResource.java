package org.convene.registration.registration;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** The registration API, for clients other than the public page. */
@Path("/api/events/{eventId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final Registrar registrar;

    public RegistrationResource(Registrar registrar) {
        this.registrar = registrar;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register for an event: 201 with the state given (REGISTERED, or WAITLISTED when the event "
            + "is full and has a waitlist), 200 with alreadyRegistered when the address is registered already (its "
            + "answers are updated and the confirmation is sent again); 409 event-full or registration-closed")
    public Response register(@PathParam("eventId") UUID eventId, @Valid @NotNull RegistrationForm form) {
        // Consent questions are worded in the language the client asked for: that is what is stored.
        RegistrationOutcome outcome = registrar.register(eventId, form, form.language());
        Response.Status status = outcome.alreadyRegistered() ? Response.Status.OK : Response.Status.CREATED;
        return Response.status(status).entity(RegistrationView.of(outcome)).build();
    }
}
