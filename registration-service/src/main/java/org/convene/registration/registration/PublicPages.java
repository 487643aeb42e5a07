package org.convene.registration.registration;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.problem.ProblemException;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.EventView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The supporters' pages: plain HTML forms that work without JavaScript. Errors come back on the same
 * page, beside their fields, with the values kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    /** Form order, so that the error summary lists fields as the page shows them. */
    private static final List<String> FIELDS = List.of("name", "email");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<EventView> events);

        static native TemplateInstance event(EventView event, FormView form, String closedReason);

        static native TemplateInstance registered(EventView event, boolean again);

        static native TemplateInstance closed(EventView event, String reason);

        static native TemplateInstance notFound();
    }

    private final Registrar registrar;
    private final Validator validator;
    private final Clock clock;

    public PublicPages(Registrar registrar, Validator validator, Clock clock) {
        this.registrar = registrar;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The upcoming events")
    public TemplateInstance home() {
        return Templates.home(CatalogueEvent.upcoming(clock.instant()).stream().map(EventView::of).toList());
    }

    @GET
    @Path("events/{id}")
    @Operation(summary = "An event's page with its registration form")
    public Response event(@PathParam("id") UUID id) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound();
        }
        String closedReason = event.closedReason(clock.instant()).orElse(null);
        return Response.ok(Templates.event(EventView.of(event), FormView.empty(), closedReason)).build();
    }

    @POST
    @Path("events/{id}/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Register from the event page's form")
    public Response register(@PathParam("id") UUID id, @RestForm String name, @RestForm String email) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound();
        }
        EventView view = EventView.of(event);
        Optional<String> closed = event.closedReason(clock.instant());
        if (closed.isPresent()) {
            return closed(view, closed.get());
        }
        RegistrationForm form = new RegistrationForm(name, email);
        List<FormView.FieldMessage> errors = errors(validator.validate(form));
        if (!errors.isEmpty()) {
            FormView typed = new FormView(Objects.toString(form.name(), ""), Objects.toString(form.email(), ""), errors);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.event(view, typed, null)).build();
        }
        RegistrationOutcome outcome;
        try {
            outcome = registrar.register(id, form);
        } catch (ProblemException e) {
            // Only a change between the checks above and the locked one lands here: it closed or vanished.
            return e.problem().status() == Response.Status.NOT_FOUND.getStatusCode() ? notFound()
                    : closed(view, e.getMessage());
        }
        String registered = "/events/" + id + "/registered" + (outcome.alreadyRegistered() ? "?again=true" : "");
        return Response.seeOther(URI.create(registered)).build();
    }

    @GET
    @Path("events/{id}/registered")
    @Operation(summary = "Confirms a registration from the form")
    public Response registered(@PathParam("id") UUID id, @QueryParam("again") boolean again) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound();
        }
        return Response.ok(Templates.registered(EventView.of(event), again)).build();
    }

    private static List<FormView.FieldMessage> errors(Set<ConstraintViolation<RegistrationForm>> violations) {
        return violations.stream()
                .map(v -> new FormView.FieldMessage(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing((FormView.FieldMessage e) -> FIELDS.indexOf(e.field()))
                        .thenComparing(FormView.FieldMessage::message))
                .toList();
    }

    private static Response closed(EventView event, String reason) {
        return Response.status(Response.Status.CONFLICT).entity(Templates.closed(event, reason)).build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
