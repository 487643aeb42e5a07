package org.convene.events.organiser;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.convene.platform.security.OrganiserSessions;
import org.convene.platform.security.SecurityEvents;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

/**
 * Sessions over the API, for tools: signing in gives a short-lived token and a refresh token that makes
 * new ones until the session's end; signing out ends the session, and every service refuses its tokens.
 */
@Path("/api/session")
public class SessionResource {

    /** The same wrong answer for an unknown address and a wrong password. */
    public static final String WRONG_CREDENTIALS = "The address or the password is not right";

    /** The same for an unknown address as for a known one. */
    public static final String TOO_MANY = "Too many sign-ins were tried for this address or from this network.";

    public record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    private final SignIn signIn;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final JsonWebToken token;

    public SessionResource(SignIn signIn, Sessions sessions, SessionCookies cookies, JsonWebToken token) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookies = cookies;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: the answer holds the organiser's token (also set as a cookie), its expiry, and a "
            + "refresh token for POST /api/session/refresh; 401 for a wrong address or password alike, 429 "
            + "too-many-requests with Retry-After when too many were tried")
    public Response signIn(@Valid @NotNull Credentials credentials, @Context HttpServerRequest client) {
        return switch (signIn.signIn(credentials.email(), credentials.password(), client.remoteAddress().hostAddress())) {
            case SignIn.SignedIn signedIn -> Response.ok(signedIn.session()).cookie(cookies.token(signedIn.session())).build();
            case SignIn.Wrong wrong -> throw new ProblemException(ProblemType.UNAUTHORIZED, WRONG_CREDENTIALS);
            case SignIn.TooMany tooMany -> Response.fromResponse(new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                    TOO_MANY + " Try again in " + tooMany.retryAfterSeconds() + " s.").response())
                    .header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds()).build();
        };
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new token for the session of this refresh token, while it lives; 401 once it has ended")
    public Sessions.Session refresh(@Valid @NotNull Refresh refresh) {
        return sessions.refresh(refresh.refreshToken())
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, "The session has ended: sign in again"));
    }

    @DELETE
    @RolesAllowed(Organiser.ROLE)
    @Operation(summary = "Sign out: ends the session of the token sent; every service refuses its tokens from now on")
    public Response signOut(@Context HttpServerRequest client) {
        sessions.end(UUID.fromString(token.getClaim(OrganiserSessions.SESSION_CLAIM)));
        SecurityEvents.record(SecurityEvents.Kind.SIGN_OUT, UUID.fromString(token.getSubject()),
                client.remoteAddress().hostAddress(), null);
        return Response.noContent().cookie(cookies.forgotten()).build();
    }
}
