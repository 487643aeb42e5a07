package org.convene.registration.registration;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.problem.FieldErrors;
import org.convene.contracts.problem.FormErrors;
import org.convene.contracts.problem.Problem;
import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.registration.RegistrationState;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.EventView;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The supporters' pages: plain HTML forms that work without JavaScript. Errors come back on the same
 * page, beside their fields, with the values kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    /** The form's inputs in order, with their labels, for the error summary. */
    static final SequencedMap<String, String> LABELS = new LinkedHashMap<>();
    static {
        LABELS.put("name", "Your name");
        LABELS.put("email", "Your email address");
        LABELS.put("country", "Country");
        LABELS.put("organisation", "Your organisation");
        LABELS.put("timeZone", "Your time zone");
        LABELS.put("language", "Language for your emails");
        LABELS.put("consentTo", "Keeping in touch");
    }

    /** Until the pages speak Spanish too, they are read in English. */
    private static final String PAGE_LANGUAGE = "en";

    /** A consent question as the form asks it. */
    public record Question(String organisation, String wording) {
    }

    /** What the form needs besides the event: the values so far, their errors, and its lists. */
    public record FormPage(FormInput input, FormErrors errors, List<FormChoices.Country> countries,
            List<String> timeZones, List<Question> questions) {
    }

    /** What the page after registering says. */
    public enum Outcome {
        REGISTERED, WAITLISTED, AGAIN;

        static Outcome of(RegistrationOutcome outcome) {
            if (outcome.alreadyRegistered()) {
                return AGAIN;
            }
            return outcome.registration().state == RegistrationState.WAITLISTED ? WAITLISTED : REGISTERED;
        }

        String query() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<EventView> events);

        static native TemplateInstance event(EventView event, FormPage form, String closedReason);

        static native TemplateInstance registered(EventView event, Outcome outcome);

        static native TemplateInstance closed(EventView event, String reason);

        static native TemplateInstance notFound();
    }

    private final Registrar registrar;
    private final ConsentQuestions consentQuestions;
    private final Validator validator;
    private final Clock clock;

    public PublicPages(Registrar registrar, ConsentQuestions consentQuestions, Validator validator, Clock clock) {
        this.registrar = registrar;
        this.consentQuestions = consentQuestions;
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
        FormPage form = formPage(event, FormInput.blank(event.timeZone, PAGE_LANGUAGE), FormErrors.none());
        return Response.ok(Templates.event(EventView.of(event), form, closedReason)).build();
    }

    @POST
    @Path("events/{id}/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Register from the event page's form")
    public Response register(@PathParam("id") UUID id, @BeanParam FormInput input) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound();
        }
        EventView view = EventView.of(event);
        Optional<String> closed = event.closedReason(clock.instant());
        if (closed.isPresent()) {
            return closed(view, closed.get());
        }
        RegistrationForm form = input.toForm();
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            return invalid(event, input, FieldErrors.of(violations));
        }
        RegistrationOutcome outcome;
        try {
            outcome = registrar.register(id, form, PAGE_LANGUAGE);
        } catch (ProblemException e) {
            return switch (e.type()) {
                case INVALID_INPUT -> invalid(event, input, e.errors());
                case NOT_FOUND -> notFound();
                // Full, or closed between the check above and the locked one.
                default -> closed(view, e.getMessage());
            };
        }
        return Response.seeOther(URI.create("/events/" + id + "/registered?outcome=" + Outcome.of(outcome).query()))
                .build();
    }

    @GET
    @Path("events/{id}/registered")
    @Operation(summary = "Confirms a registration from the form")
    public Response registered(@PathParam("id") UUID id, @QueryParam("outcome") String outcome) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound();
        }
        Outcome shown = Arrays.stream(Outcome.values()).filter(o -> o.query().equals(outcome)).findFirst()
                .orElse(Outcome.REGISTERED);
        return Response.ok(Templates.registered(EventView.of(event), shown)).build();
    }

    private Response invalid(CatalogueEvent event, FormInput input, List<Problem.FieldError> errors) {
        FormPage form = formPage(event, input, FormErrors.of(errors, LABELS));
        return Response.status(Response.Status.BAD_REQUEST).entity(Templates.event(EventView.of(event), form, null))
                .build();
    }

    private FormPage formPage(CatalogueEvent event, FormInput input, FormErrors errors) {
        List<Question> questions = event.organisations().stream()
                .map(organisation -> new Question(organisation, consentQuestions.wording(organisation, PAGE_LANGUAGE)))
                .toList();
        return new FormPage(input, errors, FormChoices.countries(Locale.of(PAGE_LANGUAGE)), FormChoices.TIME_ZONES,
                questions);
    }

    private static Response closed(EventView event, String reason) {
        return Response.status(Response.Status.CONFLICT).entity(Templates.closed(event, reason)).build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
