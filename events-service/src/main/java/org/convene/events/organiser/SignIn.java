package org.convene.events.organiser;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.limits.ClientAddress;
import org.convene.platform.limits.RateLimits;
import org.convene.platform.security.SecurityEvents;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Checks an organiser's address and password, within the sign-in limits, and starts their session. */
@ApplicationScoped
public class SignIn {

    /** Checked when the address is unknown too, so that the answer takes as long either way. */
    private static final String NOBODY = BcryptUtil.bcryptHash("no organiser has this password");

    private static final String PER_ACCOUNT = "sign-in-account";
    private static final String PER_ADDRESS = "sign-in-address";

    /** What a sign-in came to. */
    public sealed interface Outcome {
    }

    /** Signed in. */
    public record SignedIn(Sessions.Session session) implements Outcome {
    }

    /** The address and the password do not belong together; nothing says which one was wrong. */
    public record Wrong() implements Outcome {
    }

    /** Too many tries for this account or from this client: try again after {@code retryAfterSeconds}. */
    public record TooMany(long retryAfterSeconds) implements Outcome {
    }

    private record Tried(Optional<RateLimits.Reached> reached, Organiser organiser) {
    }

    private final Sessions sessions;
    private final RateLimits counters;
    private final SignInLimits limits;

    public SignIn(Sessions sessions, RateLimits counters, SignInLimits limits) {
        this.sessions = sessions;
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
        Sessions.Session session = sessions.start(organiser);
        SecurityEvents.record(SecurityEvents.Kind.SIGN_IN, who, from, null);
        return new SignedIn(session);
    }
}
