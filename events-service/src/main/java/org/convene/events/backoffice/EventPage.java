package org.convene.events.backoffice;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.events.delivery.EmailTally;
import org.convene.events.event.Event;
import org.convene.events.event.EventChanges;
import org.convene.events.event.EventLifecycle;
import org.convene.events.event.EventState;
import org.convene.events.event.EventStateForbids;
import org.convene.events.mailing.Mailings;
import org.convene.events.organiser.Organiser;
import org.convene.events.tally.RegistrationActivity;
import org.convene.events.tally.RegistrationTally;
import org.convene.platform.problem.FieldErrors;
import org.convene.platform.problem.FormErrors;
import org.convene.platform.problem.Problem;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.web.PublicPages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One event in the back office: what it is, how its registrants grow, how its emails went out, a
 * preview of its public page, the messages written to its registrants, and the steps of its life (publish, reschedule,
 * cancel, complete, delete), each a small form.
 */
@Path(SignInPage.PAGES + "/events/{id: " + EventPage.UUID_PATTERN + "}")
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.TEXT_HTML)
public class EventPage {

    /** The steps' inputs in the page's order, with their labels, for the error summary. */
    private static final SequencedMap<String, String> FIELDS = EventForm.labels("startsAt", "New start",
            "timeZone", "Time zone", "reason", "Reason for the change", "message", "Message to registrants",
            "recordingUrl", "Recording link", "reportBackUrl", "Report-back link");

    /** An event's id in a path, so that {@code /organiser/events/new} is not taken for one. */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance event(EventOverview overview, RegistrationChart chart, String publicPage,
                String registrants, List<EmailOverview> emails, List<MailingOverview> mailings, List<String> zones,
                StepForm step, FormErrors errors, String problem);

        static native TemplateInstance chart(RegistrationChart chart);

        static native TemplateInstance preview(EventOverview overview);
    }

    /** What was typed into the step that failed, to show it again. */
    public record StepForm(String startsAt, String timeZone, String reason, String message, String recordingUrl,
            String reportBackUrl) {
        static StepForm empty(Event event) {
            return new StepForm("", event.timeZone, "", "", event.recordingUrl == null ? "" : event.recordingUrl,
                    event.reportBackUrl == null ? "" : event.reportBackUrl);
        }
    }

    private final EventLifecycle lifecycle;
    private final Mailings mailings;
    private final RegistrationActivity activity;
    private final Validator validator;
    private final Clock clock;
    private final PublicPages publicPages;

    public EventPage(EventLifecycle lifecycle, Mailings mailings, RegistrationActivity activity, Validator validator,
            Clock clock, PublicPages publicPages) {
        this.lifecycle = lifecycle;
        this.mailings = mailings;
        this.activity = activity;
        this.validator = validator;
        this.clock = clock;
        this.publicPages = publicPages;
    }

    @GET
    @Operation(summary = "An event's page in the back office")
    public TemplateInstance show(@PathParam("id") UUID id) {
        Event event = lifecycle.find(id);
        return page(event, StepForm.empty(event), FormErrors.none(), null);
    }

    @GET
    @Path("chart")
    @Operation(summary = "The registrations chart alone, for the page to refresh it")
    public TemplateInstance chart(@PathParam("id") UUID id) {
        return Templates.chart(chart(lifecycle.find(id)));
    }

    @GET
    @Path("preview")
    @Operation(summary = "The event as its public page will show it, joining link left out")
    public TemplateInstance preview(@PathParam("id") UUID id) {
        return Templates.preview(overview(lifecycle.find(id)));
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Publish the draft from its page")
    public Response publish(@PathParam("id") UUID id) {
        return step(id, StepForm.empty(lifecycle.find(id)), List.of(), () -> lifecycle.publish(id));
    }

    @POST
    @Path("reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Move the event to a new time, with the reason for registrants")
    public Response reschedule(@PathParam("id") UUID id, @RestForm String startsAt, @RestForm String timeZone,
            @RestForm String reason) {
        Event event = lifecycle.find(id);
        StepForm typed = new StepForm(text(startsAt), text(timeZone), text(reason), "", "", "");
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDateTime start = EventForm.start(startsAt, errors);
        var request = new EventChanges.Reschedule(start, text(timeZone).strip(), text(reason));
        boolean unreadableStart = start == null;
        // A start that could not be read is reported once, not again as missing.
        FieldErrors.of(validator.validate(request)).stream()
                .filter(e -> !(unreadableStart && e.field().equals("startsAt"))).forEach(errors::add);
        return step(id, keep(event, typed), errors, () -> lifecycle.reschedule(id, request));
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Call the event off, with a message for registrants")
    public Response cancel(@PathParam("id") UUID id, @RestForm String message) {
        var request = new EventChanges.Cancellation(text(message));
        StepForm typed = new StepForm("", "", "", text(message), "", "");
        return step(id, keep(lifecycle.find(id), typed), FieldErrors.of(validator.validate(request)),
                () -> lifecycle.cancel(id, request));
    }

    @POST
    @Path("complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Mark the event as held, with its recording and report-back links")
    public Response complete(@PathParam("id") UUID id, @RestForm String recordingUrl, @RestForm String reportBackUrl) {
        var request = new EventChanges.Completion(text(recordingUrl), text(reportBackUrl).isBlank() ? null : text(reportBackUrl));
        StepForm typed = new StepForm("", "", "", "", text(recordingUrl), text(reportBackUrl));
        return step(id, keep(lifecycle.find(id), typed), FieldErrors.of(validator.validate(request)),
                () -> lifecycle.complete(id, request));
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Delete the draft")
    public Response delete(@PathParam("id") UUID id) {
        try {
            lifecycle.delete(id);
        } catch (EventStateForbids forbidden) {
            return forbiddenPage(id, StepForm.empty(lifecycle.find(id)), forbidden);
        }
        return Response.seeOther(URI.create(SignInPage.PAGES)).build();
    }

    /** Runs a step whose input is valid; shows the page again with the messages otherwise. */
    private Response step(UUID id, StepForm typed, List<Problem.FieldError> errors, Supplier<Event> change) {
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(lifecycle.find(id), typed, FormErrors.of(errors, FIELDS), null)).build();
        }
        try {
            change.get();
        } catch (ProblemException invalid) {
            // A field only the lifecycle can judge: a new start in the past.
            return Response.status(invalid.type().status())
                    .entity(page(lifecycle.find(id), typed, FormErrors.of(invalid.errors(), FIELDS), null)).build();
        } catch (EventStateForbids forbidden) {
            return forbiddenPage(id, typed, forbidden);
        }
        return Response.seeOther(URI.create(SignInPage.PAGES + "/events/" + id)).build();
    }

    /** The page again, saying why the event's state does not allow the step. */
    private Response forbiddenPage(UUID id, StepForm typed, EventStateForbids forbidden) {
        return Response.status(Response.Status.CONFLICT)
                .entity(page(lifecycle.find(id), typed, FormErrors.none(), forbidden.getMessage())).build();
    }

    private TemplateInstance page(Event event, StepForm step, FormErrors errors, String problem) {
        String publicPage = event.status == EventState.DRAFT ? null : publicPages.address("/events/" + event.id);
        // registration-service holds the registrants and checks the same organiser cookie.
        String registrants = event.status == EventState.DRAFT ? null
                : publicPages.address("/api/registrants/" + event.id);
        // Only a public event has registrants to write to; a draft has no messages.
        List<MailingOverview> messages = event.status == EventState.DRAFT ? List.of()
                : mailings.list(event.id).stream().map(m -> MailingOverview.of(m, ZoneId.of(event.timeZone))).toList();
        List<EmailOverview> emails = EmailOverview.of(EmailTally.countsFor(List.of(event.id))
                .getOrDefault(event.id, Map.of()));
        return Templates.event(overview(event), chart(event), publicPage, registrants, emails, messages,
                EventEditorPage.ZONES, step, errors, problem);
    }

    private EventOverview overview(Event event) {
        return EventOverview.of(event, RegistrationTally.countsFor(List.of(event.id)).getOrDefault(event.id, Map.of()), clock);
    }

    private RegistrationChart chart(Event event) {
        return RegistrationChart.of(activity.of(event.id), clock.instant(), ZoneId.of(event.timeZone));
    }

    /** The step's own values over the defaults of the others. */
    private static StepForm keep(Event event, StepForm typed) {
        StepForm defaults = StepForm.empty(event);
        return new StepForm(typed.startsAt(), typed.timeZone().isEmpty() ? defaults.timeZone() : typed.timeZone(),
                typed.reason(), typed.message(),
                typed.recordingUrl().isEmpty() ? defaults.recordingUrl() : typed.recordingUrl(),
                typed.reportBackUrl().isEmpty() ? defaults.reportBackUrl() : typed.reportBackUrl());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
