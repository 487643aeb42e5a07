package org.convene.registration.registration;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.registration.RegistrationState;
import org.convene.platform.problem.FormErrors;
import org.convene.platform.problem.Problem;
import org.convene.platform.problem.ProblemException;
import org.convene.registration.bots.Admission;
import org.convene.registration.bots.FormOrigin;
import org.convene.registration.bots.FormTokens;
import org.convene.registration.catalogue.CatalogueEvent;
import org.convene.registration.catalogue.EventView;
import org.convene.registration.catalogue.NoSuchEvent;
import org.convene.registration.catalogue.RegistrationClosed;
import org.convene.registration.embed.FramingPolicy;
import org.convene.registration.i18n.PageLanguage;
import org.convene.registration.i18n.PageMessages;
import org.convene.registration.share.PublicAddress;
import org.convene.registration.share.ShareLinks;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;

/**
 * The supporters' pages: plain HTML forms that work without JavaScript, in the visitor's language.
 * Errors come back on the same page, beside their fields, with the values kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    /** A consent question as the form asks it. */
    public record Question(String organisation, String wording) {
    }

    /**
     * What the form needs besides the event: the values so far, their errors, and its lists; a notice
     * when the form as a whole was turned away; a new token for sending it.
     */
    public record FormPage(FormInput input, FormErrors errors, String notice, Map<String, String> labels,
            List<FormChoices.Country> countries, List<String> timeZones, List<Question> questions, String formToken) {
    }

    /** Why the page turns a registration away. */
    public enum Refusal {
        CANCELLED, ENDED, FULL;

        static Refusal of(CatalogueEvent.Closure closure) {
            return closure == CatalogueEvent.Closure.CANCELLED ? CANCELLED : ENDED;
        }
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

        static native TemplateInstance event(EventView event, FormPage form, Refusal refusal, Integer placesLeft,
                ShareLinks share);

        static native TemplateInstance embed(EventView event, FormPage form, Refusal refusal, Integer placesLeft);

        static native TemplateInstance registered(EventView event, Outcome outcome);

        static native TemplateInstance closed(EventView event, Refusal refusal);

        static native TemplateInstance notFound();
    }

    private final Registrar registrar;
    private final Places places;
    private final ConsentQuestions consentQuestions;
    private final Validator validator;
    private final PageLanguage language;
    private final PublicAddress address;
    private final Clock clock;
    private final FormTokens formTokens;

    public PublicPages(Registrar registrar, Places places, ConsentQuestions consentQuestions, Validator validator,
            PageLanguage language, PublicAddress address, Clock clock, FormTokens formTokens) {
        this.registrar = registrar;
        this.places = places;
        this.consentQuestions = consentQuestions;
        this.validator = validator;
        this.language = language;
        this.address = address;
        this.clock = clock;
        this.formTokens = formTokens;
    }

    @GET
    @Operation(summary = "The upcoming events")
    public TemplateInstance home() {
        return language.render(Templates.home(
                CatalogueEvent.upcoming(clock.instant()).stream().map(e -> EventView.of(e, language.locale())).toList()));
    }

    @GET
    @Path("events/{address}")
    @Operation(summary = "An event's page with its registration form, by the event's slug or id")
    public Response event(@PathParam("address") String eventAddress) {
        return blankForm(eventAddress, false);
    }

    @GET
    @Path("embed/events/{address}")
    @Operation(summary = "The registration form alone, for a frame on the organisation's own site (see /embed.js)")
    public Response embed(@PathParam("address") String eventAddress) {
        return blankForm(eventAddress, true);
    }

    @POST
    @Path("events/{id}/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Register from the event page's form")
    public Response register(@PathParam("id") UUID id, @QueryParam(FramingPolicy.EMBED_PARAMETER) boolean embed,
            @BeanParam FormInput input, @Context HttpServerRequest request) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound(embed);
        }
        Optional<CatalogueEvent.Closure> closure = event.closure(clock.instant());
        if (closure.isPresent()) {
            return refused(event, Refusal.of(closure.get()), embed);
        }
        RegistrationForm form = input.toForm();
        List<Problem.FieldError> errors = ValidationMessages.in(validator.validate(form), language.locale());
        if (!errors.isEmpty()) {
            return invalid(event, input, errors, embed);
        }
        Admission.FormSubmission submission = new Admission.FormSubmission(input.website, input.formToken, input.altcha,
                FormOrigin.fromThisSite(request), request.remoteAddress().hostAddress());
        RegistrationOutcome outcome;
        try {
            outcome = registrar.register(id, form, language.code(), submission);
        } catch (Admission.Refused refused) {
            return turnedAway(event, input, refused, embed);
        } catch (ProblemException invalid) {
            // A field only the registrar can judge: a consent question that is not the event's.
            return invalid(event, input, invalid.errors(), embed);
        } catch (NoSuchEvent gone) {
            return notFound(embed);
        } catch (EventFull full) {
            return refused(event, Refusal.FULL, embed);
        } catch (RegistrationClosed closed) {
            // Closed between the check above and the locked one.
            return refused(event, Refusal.of(closed.why()), embed);
        }
        // In a frame the language travels in the address: browsers keep no cookies for a framed site.
        String next = "/events/" + id + "/registered?outcome=" + Outcome.of(outcome).query()
                + (embed ? "&" + FramingPolicy.EMBED_PARAMETER + "=true&" + PageLanguage.SWITCH + "=" + language.code() : "");
        return Response.seeOther(URI.create(next)).build();
    }

    @GET
    @Path("events/{id}/registered")
    @Operation(summary = "Confirms a registration from the form")
    public Response registered(@PathParam("id") UUID id, @QueryParam("outcome") String outcome,
            @QueryParam(FramingPolicy.EMBED_PARAMETER) boolean embed) {
        CatalogueEvent event = CatalogueEvent.findById(id);
        if (event == null) {
            return notFound(embed);
        }
        Outcome shown = Arrays.stream(Outcome.values()).filter(o -> o.query().equals(outcome)).findFirst()
                .orElse(Outcome.REGISTERED);
        return Response.ok(page(Templates.registered(view(event), shown), embed)).build();
    }

    private Response blankForm(String eventAddress, boolean embed) {
        Optional<CatalogueEvent> found = CatalogueEvent.findByAddress(eventAddress);
        if (found.isEmpty()) {
            return notFound(embed);
        }
        CatalogueEvent event = found.get();
        FormPage form = formPage(event, FormInput.blank(event.timeZone, language.code()), FormErrors.none(), null);
        return Response.ok(eventPage(event, form, embed)).build();
    }

    private TemplateInstance eventPage(CatalogueEvent event, FormPage form, boolean embed) {
        EventView view = view(event);
        Refusal refusal = event.closure(clock.instant()).map(Refusal::of).orElse(null);
        Integer placesLeft = places.leftToShow(event).orElse(null);
        if (embed) {
            return page(Templates.embed(view, form, refusal, placesLeft), true);
        }
        ShareLinks share = ShareLinks.of(address.url(view.path()), view.title(), view.summary());
        return page(Templates.event(view, form, refusal, placesLeft, share), false);
    }

    /** The page in the visitor's language; in a frame, without the site's header, sizing its frame. */
    private TemplateInstance page(TemplateInstance template, boolean embed) {
        return embed ? language.render(template).data("embedded", true) : language.render(template);
    }

    private Response invalid(CatalogueEvent event, FormInput input, List<Problem.FieldError> errors, boolean embed) {
        FormPage form = formPage(event, input, FormErrors.of(errors, labels()), null);
        return Response.status(Response.Status.BAD_REQUEST).entity(eventPage(event, form, embed)).build();
    }

    /** The form again, with the answers kept and a notice that says why it was not accepted. */
    private Response turnedAway(CatalogueEvent event, FormInput input, Admission.Refused refused, boolean embed) {
        PageMessages msg = messages();
        long minutes = (refused.retryAfterSeconds() + 59) / 60;
        Admission.Refusal refusal = refused.refusal();
        String notice = switch (refusal) {
            case HONEYPOT -> msg.refusedHoneypot();
            case OTHER_SITE -> msg.refusedOtherSite();
            case FORM_EXPIRED -> msg.refusedFormExpired();
            case FORM_FORGED -> msg.refusedFormForged();
            case PROOF_MISSING, PROOF_INVALID, PROOF_EXPIRED, PROOF_USED -> msg.refusedProof();
            case TOO_MANY_FROM_ADDRESS -> msg.refusedTooManyFromAddress(minutes);
            case TOO_MANY_FOR_EMAIL -> msg.refusedTooManyForEmail(minutes);
        };
        Response.ResponseBuilder answer = switch (refusal) {
            case OTHER_SITE -> Response.status(Response.Status.FORBIDDEN);
            case TOO_MANY_FROM_ADDRESS, TOO_MANY_FOR_EMAIL -> Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds());
            default -> Response.status(Response.Status.BAD_REQUEST);
        };
        input.website = null;
        FormPage form = formPage(event, input, FormErrors.none(), notice);
        return answer.entity(eventPage(event, form, embed)).build();
    }

    private FormPage formPage(CatalogueEvent event, FormInput input, FormErrors errors, String notice) {
        List<Question> questions = event.organisations().stream()
                .map(organisation -> new Question(organisation, consentQuestions.wording(organisation, language.code())))
                .toList();
        return new FormPage(input, errors, notice, labels(), FormChoices.countries(language.locale()),
                FormChoices.TIME_ZONES, questions, formTokens.issue(event.id));
    }

    /** The form's inputs in order, with their labels in the page's language, for the error summary. */
    private SequencedMap<String, String> labels() {
        PageMessages msg = messages();
        SequencedMap<String, String> labels = new LinkedHashMap<>();
        labels.put("name", msg.labelName());
        labels.put("email", msg.labelEmail());
        labels.put("organisation", msg.labelOrganisation() + " " + msg.optional());
        labels.put("country", msg.labelCountry());
        labels.put("timeZone", msg.labelTimeZone());
        labels.put("language", msg.labelLanguage());
        labels.put("consentTo", msg.labelConsent());
        return labels;
    }

    private PageMessages messages() {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(language.code()));
    }

    private EventView view(CatalogueEvent event) {
        return EventView.of(event, language.locale());
    }

    private Response refused(CatalogueEvent event, Refusal refusal, boolean embed) {
        return Response.status(Response.Status.CONFLICT).entity(page(Templates.closed(view(event), refusal), embed))
                .build();
    }

    private Response notFound(boolean embed) {
        return Response.status(Response.Status.NOT_FOUND).entity(page(Templates.notFound(), embed)).build();
    }
}
