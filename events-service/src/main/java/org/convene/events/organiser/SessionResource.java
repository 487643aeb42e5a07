package org.convene.events.organiser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in over the API: the organiser's token in the answer, for tools, and as a cookie. Every
 * organiser endpoint checks it with the public key.
 */
@Path("/api/session")
public class SessionResource {

    /** The same wrong answer for an unknown address and a wrong password. */
    public static final String WRONG_CREDENTIALS = "The address or the password is not right";

    public record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    private final SessionTokens sessions;

    public SessionResource(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: the answer holds the organiser's token, and sets it as a cookie")
    public Response signIn(@Valid @NotNull SignIn request) {
        SessionTokens.Session session = sessions.signIn(request.email(), request.password())
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, WRONG_CREDENTIALS));
        return Response.ok(session).cookie(sessions.cookie(session)).build();
    }
}
