package org.convene.notification.unsubscribe;

import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.notification.event.KnownEvent;
import org.convene.notification.recipient.Recipient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Where the unsubscribe link of every email leads. Opening it only asks (mail scanners open links);
 * the answer is a POST, from the page's buttons, or straight from the mail app as RFC 8058's one-click
 * unsubscribe ({@code List-Unsubscribe=One-Click} posted to the link in the header).
 */
@Path("/unsubscribe/{id}")
public class UnsubscribePage {

    static final String ONE_CLICK = "One-Click";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(UUID id, String token, String title);

        static native TemplateInstance done(boolean everywhere, String title);

        static native TemplateInstance badLink();
    }

    private final UnsubscribeLinks links;
    private final Unsubscriptions unsubscriptions;

    public UnsubscribePage(UnsubscribeLinks links, Unsubscriptions unsubscriptions) {
        this.links = links;
        this.unsubscriptions = unsubscriptions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@PathParam("id") UUID id, @QueryParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (!links.isValid(id, token)) {
            return badLink(acceptLanguage);
        }
        Registrant registrant = registrant(id, acceptLanguage);
        return Response.ok(Templates.ask(id, token, registrant.title()).setLocale(registrant.locale()).render()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@PathParam("id") UUID id, @QueryParam("token") String tokenInLink,
            @RestForm String token, @RestForm String scope, @RestForm("List-Unsubscribe") String oneClick,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String given = token != null ? token : tokenInLink;
        if (!links.isValid(id, given)) {
            return badLink(acceptLanguage);
        }
        boolean everywhere = "everywhere".equals(scope) && !ONE_CLICK.equals(oneClick);
        if (everywhere) {
            unsubscriptions.everywhere(id);
        } else {
            unsubscriptions.fromEvent(id);
        }
        Registrant registrant = registrant(id, acceptLanguage);
        return Response.ok(Templates.done(everywhere, registrant.title()).setLocale(registrant.locale()).render()).build();
    }

    /** The event's title (null for a registrant no longer known here) and the page's language. */
    private record Registrant(String title, Locale locale) {
    }

    private static Registrant registrant(UUID id, String acceptLanguage) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Recipient recipient = Recipient.findById(id);
            if (recipient == null) {
                return new Registrant(null, fromHeader(acceptLanguage));
            }
            KnownEvent event = KnownEvent.findById(recipient.eventId);
            return new Registrant(event == null ? null : event.title, recipient.locale());
        });
    }

    private static Response badLink(String acceptLanguage) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.badLink().setLocale(fromHeader(acceptLanguage)).render()).build();
    }

    /** Spanish for a browser that puts it first, English otherwise. */
    private static Locale fromHeader(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("es")
                ? Locale.forLanguageTag("es") : Locale.UK;
    }
}
