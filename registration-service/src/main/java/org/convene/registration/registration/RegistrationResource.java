package org.convene.registration.registration;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.registration.bots.Admission;
import org.convene.registration.bots.RefusalProblem;
import org.convene.registration.organiser.OrganiserOnly;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** The registration API, for clients other than the public page. */
@Path("/api/events/{eventId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final Registrar registrar;
    private final SecurityIdentity identity;

    public RegistrationResource(Registrar registrar, SecurityIdentity identity) {
        this.registrar = registrar;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register for an event: 201 with the state given (REGISTERED, or WAITLISTED when the event "
            + "is full and has a waitlist), 200 with alreadyRegistered when the address is registered already (its "
            + "answers are updated and the confirmation is sent again); 409 event-full or registration-closed. "
            + "Needs the solution of a challenge from GET /api/challenge in the Altcha header (400 bot-check-failed "
            + "without it) and is rate-limited per address and per email (429 too-many-requests), unless called "
            + "with an organiser's token")
    public Response register(@PathParam("eventId") UUID eventId,
            @HeaderParam(RefusalProblem.PROOF_HEADER) String proof, @Context HttpServerRequest request,
            @Valid @NotNull RegistrationForm form) {
        Admission.Ticket ticket = byOrganiser() ? Admission.Organiser.ORGANISER
                : new Admission.ProgramRequest(proof, request.remoteAddress().hostAddress());
        // Consent questions are worded in the language the client asked for: that is what is stored.
        RegistrationOutcome outcome = registrar.register(eventId, form, form.language(), ticket);
        Response.Status status = outcome.alreadyRegistered() ? Response.Status.OK : Response.Status.CREATED;
        return Response.status(status).entity(RegistrationView.of(outcome)).build();
    }

    @ServerExceptionMapper
    public Response refused(Admission.Refused refused) {
        return RefusalProblem.of(refused);
    }

    /** A token that does not hold (a stale cookie) counts as none: the public side never refuses anyone for a token. */
    private boolean byOrganiser() {
        try {
            return identity.hasRole(OrganiserOnly.ROLE);
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }
}
