package org.convene.events.backoffice;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

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

import org.convene.contracts.mailing.MailingAudience;
import org.convene.events.event.Event;
import org.convene.events.event.EventLifecycle;
import org.convene.events.event.EventState;
import org.convene.events.event.EventStateForbids;
import org.convene.events.mailing.Mailing;
import org.convene.events.mailing.MailingAlreadySent;
import org.convene.events.mailing.MailingFields;
import org.convene.events.mailing.MailingUntested;
import org.convene.events.mailing.Mailings;
import org.convene.events.organiser.Organiser;
import org.convene.platform.problem.FormErrors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Writing to an event's registrants: a form that saves a draft, then a preview of the email as they
 * will read it, from which the organiser sends a test to themselves and, once tested, to everyone.
 * Each step is a form, so that it works without JavaScript; a refused one shows the page again, saying why.
 */
@Path(SignInPage.PAGES + "/events/{id: " + EventPage.UUID_PATTERN + "}/mailings")
@RolesAllowed(Organiser.ROLE)
@Produces(MediaType.TEXT_HTML)
public class MailingPage {

    private static final String MAILING = "{mailingId: " + EventPage.UUID_PATTERN + "}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compose(Event event, MailingForm form, List<AudienceChoice> audiences,
                FormErrors errors, String action, Mailing mailing, String problem);

        static native TemplateInstance preview(Event event, MailingOverview overview, List<String> paragraphs,
                long recipients, String testTo, FormErrors errors, String problem);
    }

    /** One radio button: the audience, in words, with how many it reaches now. */
    public record AudienceChoice(String value, String label, long count, boolean checked) {
    }

    private final EventLifecycle lifecycle;
    private final Mailings mailings;
    private final Validator validator;
    private final JsonWebToken organiser;

    public MailingPage(EventLifecycle lifecycle, Mailings mailings, Validator validator, JsonWebToken organiser) {
        this.lifecycle = lifecycle;
        this.mailings = mailings;
        this.validator = validator;
        this.organiser = organiser;
    }

    @GET
    @Path("new")
    @Operation(summary = "The form for a message to the event's registrants")
    public Response blank(@PathParam("id") UUID id) {
        Event event = lifecycle.find(id);
        if (event.status == EventState.DRAFT) {
            // The same refusal as saving would give, before anything is typed.
            return Response.status(Response.Status.CONFLICT).entity(compose(event, MailingForm.blank(), FormErrors.none(),
                    null, "A draft event has no registrants: publish it before writing to them")).build();
        }
        return Response.ok(compose(event, MailingForm.blank(), FormErrors.none(), null, null)).build();
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save the message as a draft, then show its preview")
    public Response create(@PathParam("id") UUID id, @BeanParam MailingForm form) {
        return save(lifecycle.find(id), null, form, fields -> mailings.create(id, fields));
    }

    @GET
    @Path(MAILING)
    @Operation(summary = "The message as registrants will read it, with the steps to test and send it")
    public TemplateInstance preview(@PathParam("id") UUID id, @PathParam("mailingId") UUID mailingId) {
        return preview(lifecycle.find(id), mailings.find(id, mailingId), null);
    }

    @GET
    @Path(MAILING + "/edit")
    @Operation(summary = "The form filled with a draft message, to edit it")
    public TemplateInstance edit(@PathParam("id") UUID id, @PathParam("mailingId") UUID mailingId) {
        Mailing mailing = mailings.find(id, mailingId);
        return compose(lifecycle.find(id), MailingForm.of(mailing), FormErrors.none(), mailing, null);
    }

    @POST
    @Path(MAILING + "/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save the edited draft, then show its preview")
    public Response update(@PathParam("id") UUID id, @PathParam("mailingId") UUID mailingId,
            @BeanParam MailingForm form) {
        return save(lifecycle.find(id), mailings.find(id, mailingId), form,
                fields -> mailings.update(id, mailingId, fields));
    }

    @POST
    @Path(MAILING + "/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Send the draft to the signed-in organiser alone, then show the preview again")
    public Response test(@PathParam("id") UUID id, @PathParam("mailingId") UUID mailingId) {
        // The token's upn is the organiser's address (organiser.Sessions).
        return step(id, mailingId, () -> mailings.test(id, mailingId, organiser.getName()),
                SignInPage.PAGES + "/events/" + id + "/mailings/" + mailingId);
    }

    @POST
    @Path(MAILING + "/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Send the tested draft to its audience, then show the event with its messages")
    public Response send(@PathParam("id") UUID id, @PathParam("mailingId") UUID mailingId) {
        return step(id, mailingId, () -> mailings.send(id, mailingId), SignInPage.PAGES + "/events/" + id + "#mailings");
    }

    private Response save(Event event, Mailing existing, MailingForm form, Function<MailingFields, Mailing> change) {
        MailingForm.Parsed parsed = form.parse(validator);
        if (parsed.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(compose(event, form, parsed.errors(), existing, null)).build();
        }
        try {
            Mailing saved = change.apply(parsed.fields());
            return Response.seeOther(URI.create(SignInPage.PAGES + "/events/" + event.id + "/mailings/" + saved.id)).build();
        } catch (EventStateForbids | MailingAlreadySent refused) {
            // A rule only the service knows: the event is a draft, or the message was sent meanwhile.
            return Response.status(Response.Status.CONFLICT)
                    .entity(compose(event, form, FormErrors.none(), existing, refused.getMessage())).build();
        }
    }

    /** Runs a step of a saved message; shows its preview again, saying why, when it is refused. */
    private Response step(UUID id, UUID mailingId, Supplier<Mailing> change, String then) {
        try {
            change.get();
        } catch (MailingAlreadySent | MailingUntested refused) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(preview(lifecycle.find(id), mailings.find(id, mailingId), refused.getMessage())).build();
        }
        return Response.seeOther(URI.create(then)).build();
    }

    private TemplateInstance compose(Event event, MailingForm form, FormErrors errors, Mailing mailing, String problem) {
        String action = mailing == null ? SignInPage.PAGES + "/events/" + event.id + "/mailings/new"
                : SignInPage.PAGES + "/events/" + event.id + "/mailings/" + mailing.id + "/edit";
        List<AudienceChoice> audiences = Arrays.stream(MailingAudience.values())
                .map(a -> new AudienceChoice(a.name(), MailingOverview.audience(a), Mailings.recipients(event.id, a),
                        a.name().equals(form.audience)))
                .toList();
        return Templates.compose(event, form, audiences, errors, action, mailing, problem);
    }

    private TemplateInstance preview(Event event, Mailing mailing, String problem) {
        return Templates.preview(event, MailingOverview.of(mailing, ZoneId.of(event.timeZone)), mailing.paragraphs(),
                Mailings.recipients(event.id, mailing.audience), organiser.getName(), FormErrors.none(), problem);
    }
}
