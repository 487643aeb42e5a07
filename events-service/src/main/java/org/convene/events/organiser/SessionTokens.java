package org.convene.events.organiser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import org.convene.contracts.limits.ClientAddress;
import org.convene.contracts.limits.RateLimits;
import org.convene.contracts.security.SecurityEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /** What a sign-in came to. */
    public sealed interface Outcome {
    }

    /** Signed in. */
    public record SignedIn(Session session) implements Outcome {
    }

    /** The address and the password do not belong together; nothing says which one was wrong. */
    public record Wrong() implements Outcome {
    }

    /** Too many tries for this account or from this client: try again after {@code retryAfterSeconds}. */
    public record TooMany(long retryAfterSeconds) implements Outcome {
    }

    private record Tried(Optional<RateLimits.Reached> reached, Organiser organiser) {
    }

    private static final String PER_ACCOUNT = "sign-in-account";
    private static final String PER_ADDRESS = "sign-in-address";

    private final String issuer;
    private final Duration lifespan;
    private final Clock clock;
    private final RateLimits counters;
    private final SignInLimits limits;

    public SessionTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "convene.session.lifespan", defaultValue = "8h") Duration lifespan, Clock clock,
            RateLimits counters, SignInLimits limits) {
        this.issuer = issuer;
        this.lifespan = lifespan;
        this.clock = clock;
        this.counters = counters;
        this.limits = limits;
    }

    /**
     * Counts the try, for the address typed and for the client {@code from}, before anything is looked
     * up, and commits the count whatever the outcome: an unknown address counts like a known one, and a
     * wrong password cannot be rolled back out of the count. Then checks the password, against a hash of
     * nobody's when the address is unknown, so that the two wrong answers take alike time. Each outcome
     * is a security event.
     */
    public Outcome signIn(String email, String password, String from) {
        String account = Organiser.normalise(email);
        Tried tried = QuarkusTransaction.requiringNew().call(() -> new Tried(counters.count(List.of(
                new RateLimits.Hit(PER_ADDRESS, ClientAddress.limitedAs(from), limits.perAddress().counted()),
                new RateLimits.Hit(PER_ACCOUNT, account, limits.perAccount().counted()))), Organiser.findByEmail(account)));
        Organiser organiser = tried.organiser();
        UUID who = organiser == null ? null : organiser.id;
        if (tried.reached().isPresent()) {
            SecurityEvents.record(SecurityEvents.Kind.SIGN_IN_LIMITED, who, from, null);
            return new TooMany(tried.reached().get().retryAfterSeconds());
        }
        boolean matches = BcryptUtil.matches(password, organiser == null ? NOBODY : organiser.passwordHash);
        if (organiser == null || !matches) {
            SecurityEvents.record(SecurityEvents.Kind.SIGN_IN_FAILED, who, from, null);
            return new Wrong();
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
        SecurityEvents.record(SecurityEvents.Kind.SIGN_IN, who, from, null);
        return new SignedIn(new Session(token, expiresAt));
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
