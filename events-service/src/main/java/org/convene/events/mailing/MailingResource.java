package org.convene.events.mailing;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.events.organiser.Organiser;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The organiser API for messages to an event's registrants: organisers only, as every organiser endpoint. */
@Path("/api/events/{eventId}/mailings")
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class MailingResource {

    private final Mailings mailings;
    private final JsonWebToken organiser;

    public MailingResource(Mailings mailings, JsonWebToken organiser) {
        this.mailings = mailings;
        this.organiser = organiser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a message to the registrants of a public event, as a draft (409 for a draft event)")
    public Response create(@PathParam("eventId") UUID eventId, @Valid @NotNull MailingFields request) {
        MailingView created = MailingView.of(mailings.create(eventId, request));
        return Response.created(URI.create("/api/events/" + eventId + "/mailings/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The event's messages to its registrants, the newest first")
    public List<MailingView> list(@PathParam("eventId") UUID eventId) {
        return MailingView.all(mailings.list(eventId));
    }

    @GET
    @Path("/{mailingId}")
    @Operation(summary = "One message")
    public MailingView get(@PathParam("eventId") UUID eventId, @PathParam("mailingId") UUID mailingId) {
        return MailingView.of(mailings.find(eventId, mailingId));
    }

    @PUT
    @Path("/{mailingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's subject, body and audience (409 once sent); a new text needs a new test")
    public MailingView update(@PathParam("eventId") UUID eventId, @PathParam("mailingId") UUID mailingId,
            @Valid @NotNull MailingFields request) {
        return MailingView.of(mailings.update(eventId, mailingId, request));
    }

    @POST
    @Path("/{mailingId}/test")
    @Operation(summary = "Send the draft to the signed-in organiser alone, as registrants will get it (202)")
    public Response test(@PathParam("eventId") UUID eventId, @PathParam("mailingId") UUID mailingId) {
        // The token's upn is the organiser's address (organiser.Sessions): the test goes to whoever asked.
        return Response.accepted(MailingView.of(mailings.test(eventId, mailingId, organiser.getName()))).build();
    }

    @POST
    @Path("/{mailingId}/send")
    @Operation(summary = "Send the tested draft to its audience, once (202; 409 if it was not tested or was sent already)")
    public Response send(@PathParam("eventId") UUID eventId, @PathParam("mailingId") UUID mailingId) {
        return Response.accepted(MailingView.of(mailings.send(eventId, mailingId))).build();
    }
}
