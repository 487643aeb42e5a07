package org.convene.events.organiser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

/**
 * Signing in over the API: the organiser's token in the answer, for tools, and as a cookie. Every
 * organiser endpoint checks it with the public key.
 */
@Path("/api/session")
public class SessionResource {

    /** The same wrong answer for an unknown address and a wrong password. */
    public static final String WRONG_CREDENTIALS = "The address or the password is not right";

    /** The same for an unknown address as for a known one. */
    public static final String TOO_MANY = "Too many sign-ins were tried for this address or from this network.";

    public record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    private final SessionTokens sessions;

    public SessionResource(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: the answer holds the organiser's token, and sets it as a cookie; 401 for a wrong "
            + "address or password alike, 429 too-many-requests with Retry-After when too many were tried")
    public Response signIn(@Valid @NotNull SignIn request, @Context HttpServerRequest client) {
        return switch (sessions.signIn(request.email(), request.password(), client.remoteAddress().hostAddress())) {
            case SessionTokens.SignedIn signedIn ->
                Response.ok(signedIn.session()).cookie(sessions.cookie(signedIn.session())).build();
            case SessionTokens.Wrong wrong -> throw new ProblemException(ProblemType.UNAUTHORIZED, WRONG_CREDENTIALS);
            case SessionTokens.TooMany tooMany -> Response.fromResponse(new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                    TOO_MANY + " Try again in " + tooMany.retryAfterSeconds() + " s.").response())
                    .header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds()).build();
        };
    }
}
