package org.convene.events.backoffice;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.security.SecurityEvents;
import org.convene.events.organiser.SessionResource;
import org.convene.events.organiser.SessionTokens;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** Signing in and out of the back office with a form; the token travels in the session cookie. */
@Path(SignInPage.PAGES)
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    /** Where every back-office page lives. */
    static final String PAGES = "/organiser";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String then, String error);

        /** No form here: the CSRF token is only made for pages that pass the organiser check. */
        static native TemplateInstance signInNeeded(String signInLink);

        /** A form refused for its missing or stale CSRF token. */
        static native TemplateInstance formExpired();
    }

    private final SessionTokens sessions;
    private final SecurityIdentity identity;

    public SignInPage(SessionTokens sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    @GET
    @Path("sign-in")
    @Operation(summary = "The organisers' sign-in form")
    public TemplateInstance form(@QueryParam("then") String then) {
        return Templates.signIn("", safeReturn(then), null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in from the form: the session cookie, then the page asked for")
    public Response signIn(@RestForm String email, @RestForm String password, @RestForm String then,
            @Context HttpServerRequest client) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty() || password == null || password.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signIn(typed, safeReturn(then), "Enter your email address and your password.")).build();
        }
        return switch (sessions.signIn(typed, password, client.remoteAddress().hostAddress())) {
            case SessionTokens.SignedIn signedIn ->
                Response.seeOther(URI.create(safeReturn(then))).cookie(sessions.cookie(signedIn.session())).build();
            case SessionTokens.Wrong wrong -> Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signIn(typed, safeReturn(then), SessionResource.WRONG_CREDENTIALS + ".")).build();
            case SessionTokens.TooMany tooMany -> Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds())
                    .entity(Templates.signIn(typed, safeReturn(then), SessionResource.TOO_MANY + " Try again in "
                            + (tooMany.retryAfterSeconds() + 59) / 60 + " minutes.")).build();
        };
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: the browser forgets the session cookie")
    public Response signOut(@Context HttpServerRequest client) {
        SecurityEvents.record(SecurityEvents.Kind.SIGN_OUT, organiser(), client.remoteAddress().hostAddress(), null);
        return Response.seeOther(URI.create(PAGES + "/sign-in")).cookie(sessions.signedOut()).build();
    }

    /** Who signs out, if their token still holds: a sign-out with a stale one is still a sign-out. */
    private UUID organiser() {
        try {
            return identity.isAnonymous() ? null : UUID.fromString(((JsonWebToken) identity.getPrincipal()).getSubject());
        } catch (RuntimeException stale) {
            return null;
        }
    }

    /** The sign-in form, leading back to {@code then} afterwards. */
    static String signInLink(String then) {
        return PAGES + "/sign-in?then=" + URLEncoder.encode(safeReturn(then), StandardCharsets.UTF_8);
    }

    /** Only a back-office page of this site: a link cannot send a fresh session elsewhere. */
    static String safeReturn(String then) {
        if (then == null || !then.startsWith(PAGES) || then.startsWith(PAGES + "/sign-") || then.contains("//")
                || then.contains("\\") || then.chars().anyMatch(Character::isISOControl)) {
            return PAGES;
        }
        return then;
    }
}
