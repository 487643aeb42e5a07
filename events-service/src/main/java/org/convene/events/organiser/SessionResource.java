package org.convene.events.organiser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;

/**
 * Signing in: the organiser's token, signed with the private key, as a bearer token for tools and
 * as an HttpOnly, SameSite cookie for the pages. Every organiser endpoint checks it with the public key.
 */
@Path("/api/session")
public class SessionResource {

    /** Where the pages' token travels; {@code mp.jwt.token.cookie} names the same. */
    public static final String COOKIE = "convene_session";

    /** Checked when the address is unknown too, so that the answer takes as long either way. */
    private static final String NOBODY = BcryptUtil.bcryptHash("no organiser has this password");

    public record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    public record Session(String token, Instant expiresAt) {
    }

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "convene.session.lifespan", defaultValue = "8h")
    Duration lifespan;

    private final Clock clock;

    public SessionResource(Clock clock) {
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: the answer holds the organiser's token, and sets it as a cookie")
    public Response signIn(@Valid @NotNull SignIn request) {
        Organiser organiser = Organiser.findByEmail(request.email());
        boolean matches = BcryptUtil.matches(request.password(), organiser == null ? NOBODY : organiser.passwordHash);
        if (organiser == null || !matches) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The address or the password is not right");
        }
        Instant expiresAt = clock.instant().plus(lifespan);
        String token = Jwt.issuer(issuer)
                .upn(organiser.email)
                .subject(organiser.id.toString())
                .groups(Organiser.ROLE)
                .issuedAt(clock.instant())
                .expiresAt(expiresAt)
                .sign();
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) lifespan.toSeconds()).build();
        return Response.ok(new Session(token, expiresAt)).cookie(cookie).build();
    }
}
