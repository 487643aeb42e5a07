package org.convene.events.organiser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;

/**
 * Checks an organiser's password and issues their token, signed with the private key, for the API
 * (as a bearer token) and for the pages (as an HttpOnly, SameSite cookie) alike.
 */
@ApplicationScoped
public class SessionTokens {

    /** Where the pages' token travels; {@code mp.jwt.token.cookie} names the same. */
    public static final String COOKIE = "convene_session";

    /** Checked when the address is unknown too, so that the answer takes as long either way. */
    private static final String NOBODY = BcryptUtil.bcryptHash("no organiser has this password");

    public record Session(String token, Instant expiresAt) {
    }

    private final String issuer;
    private final Duration lifespan;
    private final Clock clock;

    public SessionTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "convene.session.lifespan", defaultValue = "8h") Duration lifespan, Clock clock) {
        this.issuer = issuer;
        this.lifespan = lifespan;
        this.clock = clock;
    }

    /** A session if the address and the password belong together; nothing says which one was wrong. */
    public Optional<Session> signIn(String email, String password) {
        Organiser organiser = Organiser.findByEmail(email);
        boolean matches = BcryptUtil.matches(password, organiser == null ? NOBODY : organiser.passwordHash);
        if (organiser == null || !matches) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifespan);
        String token = Jwt.issuer(issuer)
                .upn(organiser.email)
                .subject(organiser.id.toString())
                .groups(Organiser.ROLE)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return Optional.of(new Session(token, expiresAt));
    }

    /** Secure: browsers keep it on https, and on http only for localhost, as the run command serves. */
    public NewCookie cookie(Session session) {
        return cookie(session.token(), (int) lifespan.toSeconds());
    }

    /** Tells the browser to forget the token. */
    public NewCookie signedOut() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
