package org.convene.events.backoffice;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.events.organiser.SessionCookies;
import org.convene.events.organiser.SessionResource;
import org.convene.events.organiser.Sessions;
import org.convene.events.organiser.SignIn;
import org.convene.platform.security.SecurityEvents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** Signing in and out of the back office with a form; the token travels in the session cookie. */
@Path(SignInPage.PAGES)
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    /** Where every back-office page lives. */
    static final String PAGES = "/organiser";

    private static final String REFRESH = "session/refresh";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String then, String error);

        /** No form here: the CSRF token is only made for pages that pass the organiser check. */
        static native TemplateInstance signInNeeded(String signInLink);

        /** A form refused for its missing or stale CSRF token. */
        static native TemplateInstance formExpired();
    }

    private final SignIn signIn;
    private final Sessions sessions;
    private final SessionCookies cookies;

    public SignInPage(SignIn signIn, Sessions sessions, SessionCookies cookies) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookies = cookies;
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
        return switch (signIn.signIn(typed, password, client.remoteAddress().hostAddress())) {
            case SignIn.SignedIn signedIn -> Response.seeOther(URI.create(safeReturn(then)))
                    .cookie(cookies.token(signedIn.session()), cookies.refresh(signedIn.session())).build();
            case SignIn.Wrong wrong -> Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signIn(typed, safeReturn(then), SessionResource.WRONG_CREDENTIALS + ".")).build();
            case SignIn.TooMany tooMany -> Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds())
                    .entity(Templates.signIn(typed, safeReturn(then), SessionResource.TOO_MANY + " Try again in "
                            + (tooMany.retryAfterSeconds() + 59) / 60 + " minutes.")).build();
        };
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: ends the session, which every service then refuses, and the browser forgets it")
    public Response signOut(@CookieParam(SessionCookies.REFRESH) String refreshToken, @Context HttpServerRequest client) {
        // By the refresh token, which outlives the token: a sign-out after a long pause still ends the session.
        sessions.endByRefreshToken(refreshToken).ifPresent(organiser -> SecurityEvents
                .record(SecurityEvents.Kind.SIGN_OUT, organiser, client.remoteAddress().hostAddress(), null));
        return Response.seeOther(URI.create(PAGES + "/sign-in")).cookie(cookies.forgotten()).build();
    }

    /**
     * A new token for the session in the refresh cookie, then back to the page asked for, with the same
     * method and body (307): a form sent after the token expired is not lost. Without a live session,
     * the sign-in form.
     */
    @GET
    @Path(REFRESH)
    @Operation(summary = "Refreshes the back office's session from its cookie, then goes back to the page asked for")
    public Response refresh(@CookieParam(SessionCookies.REFRESH) String refreshToken, @QueryParam("then") String then) {
        return refreshed(refreshToken, then);
    }

    /** A form sent with an expired token, on its way back to where it was sent (its body is not read here). */
    @POST
    @Path(REFRESH)
    @Operation(summary = "Refreshes the back office's session from its cookie, then sends the form on to where it was sent")
    public Response refreshForForm(@CookieParam(SessionCookies.REFRESH) String refreshToken, @QueryParam("then") String then) {
        return refreshed(refreshToken, then);
    }

    private Response refreshed(String refreshToken, String then) {
        return sessions.refresh(refreshToken)
                .map(session -> Response.temporaryRedirect(URI.create(safeReturn(then))).cookie(cookies.token(session)).build())
                .orElseGet(() -> Response.seeOther(URI.create(signInLink(then))).cookie(cookies.forgotten()).build());
    }

    /** The refresh of the session, leading back to {@code then} afterwards. */
    static String refreshLink(String then) {
        return PAGES + "/" + REFRESH + "?then=" + URLEncoder.encode(safeReturn(then), StandardCharsets.UTF_8);
    }

    /** The sign-in form, leading back to {@code then} afterwards. */
    static String signInLink(String then) {
        return PAGES + "/sign-in?then=" + URLEncoder.encode(safeReturn(then), StandardCharsets.UTF_8);
    }

    /** Only a back-office page of this site: a link cannot send a fresh session elsewhere. */
    static String safeReturn(String then) {
        if (then == null || !then.startsWith(PAGES) || then.startsWith(PAGES + "/sign-") || then.startsWith(PAGES + "/" + REFRESH) || then.contains("//")
                || then.contains("\\") || then.chars().anyMatch(Character::isISOControl)) {
            return PAGES;
        }
        return then;
    }
}
