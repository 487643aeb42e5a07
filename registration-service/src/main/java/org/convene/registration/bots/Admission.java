package org.convene.registration.bots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.registration.registration.RegistrationForm;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Decides whether a registration may go ahead as far as bots are concerned: the honeypot, where the
 * form came from, its token, the proof of work and the rate limits. Every refusal is named, so that
 * the page and the API can say what went wrong instead of dropping the request in silence.
 */
@ApplicationScoped
public class Admission {

    public enum Refusal {
        /** The field people cannot see was filled in. */
        HONEYPOT,
        OTHER_SITE,
        FORM_EXPIRED,
        FORM_FORGED,
        PROOF_MISSING,
        PROOF_INVALID,
        PROOF_EXPIRED,
        PROOF_USED,
        TOO_MANY_FROM_ADDRESS,
        TOO_MANY_FOR_EMAIL;

        static Refusal of(ProofOfWork.Verdict verdict) {
            return switch (verdict) {
                case EXPIRED -> PROOF_EXPIRED;
                case USED -> PROOF_USED;
                case INVALID, SOLVED -> PROOF_INVALID;
            };
        }
    }

    /** Admitted when {@code refusal} is empty; {@code retryAfter} only for the rate limits. */
    public record Decision(Optional<Refusal> refusal, Duration retryAfter) {

        static final Decision ADMITTED = new Decision(Optional.empty(), Duration.ZERO);

        static Decision refused(Refusal refusal) {
            return new Decision(Optional.of(refusal), Duration.ZERO);
        }

        /** For a {@code Retry-After} header: whole seconds, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds());
        }
    }

    /** What the page's form sent besides the registration, and from where. */
    public record FormSubmission(UUID eventId, String honeypot, String formToken, String proof, boolean fromThisSite,
            String address) {
    }

    private static final String ADDRESS = "address";
    private static final String ADDRESS_WITHOUT_SCRIPT = "address-without-script";
    private static final String EMAIL = "email";

    private final ProofOfWork proofOfWork;
    private final RateLimits rateLimits;
    private final FormTokens formTokens;
    private final RateLimitConfig limits;

    public Admission(ProofOfWork proofOfWork, RateLimits rateLimits, FormTokens formTokens, RateLimitConfig limits) {
        this.proofOfWork = proofOfWork;
        this.rateLimits = rateLimits;
        this.formTokens = formTokens;
        this.limits = limits;
    }

    /**
     * The page's form. Without a proof of work (a browser without JavaScript, or one that could not
     * solve it) the registration still goes ahead, within a stricter limit for its address.
     */
    public Decision admitForm(FormSubmission form, RegistrationForm registration) {
        if (form.honeypot() != null && !form.honeypot().isEmpty()) {
            return Decision.refused(Refusal.HONEYPOT);
        }
        if (!form.fromThisSite()) {
            return Decision.refused(Refusal.OTHER_SITE);
        }
        FormTokens.Check token = formTokens.check(form.eventId(), form.formToken());
        if (token != FormTokens.Check.VALID) {
            return Decision.refused(token == FormTokens.Check.EXPIRED ? Refusal.FORM_EXPIRED : Refusal.FORM_FORGED);
        }
        return counted(isBlank(form.proof()) ? null : form.proof(), registration, form.address());
    }

    /** The API: a proof of work is required (organisers' calls do not come here). */
    public Decision admitProgram(String proof, RegistrationForm registration, String address) {
        if (isBlank(proof)) {
            return Decision.refused(Refusal.PROOF_MISSING);
        }
        return counted(proof, registration, address);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Spends the proof and counts the hits together: a refusal rolls both back. Without a proof
     * ({@code null}: the page without JavaScript) the stricter limit counts too.
     */
    private Decision counted(String proof, RegistrationForm registration, String address) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (proof != null) {
                    ProofOfWork.Verdict verdict = proofOfWork.spend(proof);
                    if (verdict != ProofOfWork.Verdict.SOLVED) {
                        throw new Refused(Decision.refused(Refusal.of(verdict)));
                    }
                }
                List<RateLimits.Hit> hits = new ArrayList<>();
                String client = ClientAddress.limitedAs(address);
                hits.add(new RateLimits.Hit(ADDRESS, client, limits.perAddress()));
                if (proof == null) {
                    hits.add(new RateLimits.Hit(ADDRESS_WITHOUT_SCRIPT, client, limits.withoutScriptPerAddress()));
                }
                hits.add(new RateLimits.Hit(EMAIL, registration.normalisedEmail(), limits.perEmail()));
                rateLimits.count(hits).ifPresent(reached -> {
                    Refusal refusal = EMAIL.equals(reached.name()) ? Refusal.TOO_MANY_FOR_EMAIL
                            : Refusal.TOO_MANY_FROM_ADDRESS;
                    throw new Refused(new Decision(Optional.of(refusal), reached.retryAfter()));
                });
                return Decision.ADMITTED;
            });
        } catch (Refused e) {
            return e.decision;
        }
    }

    /** Leaves the transaction, which rolls it back. */
    private static final class Refused extends RuntimeException {
        private final transient Decision decision;

        Refused(Decision decision) {
            super(null, null, false, false);
            this.decision = decision;
        }
    }
}
