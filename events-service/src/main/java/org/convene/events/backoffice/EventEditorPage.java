package org.convene.events.backoffice;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.event.Person;
import org.convene.events.event.Event;
import org.convene.events.event.EventFields;
import org.convene.events.event.EventLifecycle;
import org.convene.events.event.EventState;
import org.convene.events.event.EventStateForbids;
import org.convene.events.event.PeopleResource;
import org.convene.events.organiser.Organiser;
import org.convene.platform.problem.FormErrors;
import org.convene.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Creating and editing an event with a form. A form with mistakes comes back with every value as
 * typed and each message beside its field; nothing is saved until it is right.
 */
@Path(SignInPage.PAGES + "/events")
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.TEXT_HTML)
public class EventEditorPage {

    /** IANA zone ids offered while typing the zone; the rules come with the JDK. */
    static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).toList());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(EventForm form, FormErrors errors, String action, Event event,
                boolean timeFixed, List<String> zones, List<Person> people, String problem);
    }

    private final EventLifecycle lifecycle;
    private final PeopleResource people;
    private final Validator validator;

    public EventEditorPage(EventLifecycle lifecycle, PeopleResource people, Validator validator) {
        this.lifecycle = lifecycle;
        this.people = people;
        this.validator = validator;
    }

    @GET
    @Path("new")
    @Operation(summary = "The form for a new event")
    public TemplateInstance blank() {
        return page(new EventForm(), FormErrors.none(), null, null);
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a draft from the form")
    public Response create(@BeanParam EventForm form) {
        return save(form, null, lifecycle::create);
    }

    @GET
    @Path("{id}/edit")
    @Operation(summary = "The form filled with an event, to edit it")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        Event event = lifecycle.find(id);
        return page(EventForm.of(event), FormErrors.none(), event, null);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save the edited form")
    public Response update(@PathParam("id") UUID id, @BeanParam EventForm form) {
        return save(form, lifecycle.find(id), fields -> lifecycle.update(id, fields));
    }

    private Response save(EventForm form, Event existing, Function<EventFields, Event> change) {
        if (form.wantsMoreRows()) {
            return Response.ok(page(form, FormErrors.none(), existing, null)).build();
        }
        EventForm.Parsed parsed = form.parse(validator);
        if (parsed.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(form, parsed.errors(), existing, null)).build();
        }
        try {
            Event saved = change.apply(parsed.fields());
            return Response.seeOther(URI.create(SignInPage.PAGES + "/events/" + saved.id)).build();
        } catch (ProblemException invalid) {
            // A field only the lifecycle can judge: a start in the past.
            return Response.status(invalid.type().status())
                    .entity(page(form, FormErrors.of(invalid.errors(), EventForm.FIELDS), existing, null)).build();
        } catch (EventStateForbids forbidden) {
            // A rule of the event's state: a time changed without rescheduling, an event no longer editable.
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(form, FormErrors.none(), existing, forbidden.getMessage())).build();
        }
    }

    private TemplateInstance page(EventForm form, FormErrors errors, Event event, String problem) {
        String action = event == null ? SignInPage.PAGES + "/events/new" : SignInPage.PAGES + "/events/" + event.id + "/edit";
        // A public event's time changes only by rescheduling: the form shows it but does not change it.
        boolean timeFixed = event != null && event.status != EventState.DRAFT;
        return Templates.form(form, errors, action, event, timeFixed, ZONES, people.people(null), problem);
    }
}
