package org.convene.events.event;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.events.organiser.Organiser;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The organiser API for events: organisers only (see {@code organiser.SessionResource}). */
@Path("/api/events")
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventLifecycle lifecycle;

    public EventResource(EventLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event as a draft")
    public Response create(@Valid @NotNull EventFields request) {
        EventView created = EventView.of(lifecycle.create(request));
        return Response.created(URI.create("/api/events/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "All events, by start")
    public List<EventView> list() {
        return EventView.all(lifecycle.list());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One event")
    public EventView get(@PathParam("id") UUID id) {
        return EventView.of(lifecycle.find(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace what the organiser wrote; a public event keeps its slug, and its time changes by rescheduling")
    public EventView update(@PathParam("id") UUID id, @Valid @NotNull EventFields request) {
        return EventView.of(lifecycle.update(id, request));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish a draft: registration opens and the event goes to the events topic")
    public EventView publish(@PathParam("id") UUID id) {
        return EventView.of(lifecycle.publish(id));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a published event to a new time; the reason goes to registrants")
    public EventView reschedule(@PathParam("id") UUID id, @Valid @NotNull EventChanges.Reschedule request) {
        return EventView.of(lifecycle.reschedule(id, request));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call a published event off; the message goes to registrants")
    public EventView cancel(@PathParam("id") UUID id, @Valid @NotNull EventChanges.Cancellation request) {
        return EventView.of(lifecycle.cancel(id, request));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an event that has started as held, with its recording and report-back")
    public EventView complete(@PathParam("id") UUID id, @Valid @NotNull EventChanges.Completion request) {
        return EventView.of(lifecycle.complete(id, request));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a draft; a published event is cancelled instead")
    public void delete(@PathParam("id") UUID id) {
        lifecycle.delete(id);
    }
}
