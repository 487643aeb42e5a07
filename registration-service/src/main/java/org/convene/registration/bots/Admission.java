package org.convene.registration.bots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.convene.platform.limits.ClientAddress;
import org.convene.platform.limits.RateLimits;
import org.convene.registration.registration.RegistrationForm;

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
                case INVALID, SOLVED, REPEATED -> PROOF_INVALID;
            };
        }
    }

    /** What lets a request in: the page's form, a program with its proof of work, or an organiser. */
    public sealed interface Ticket permits FormSubmission, ProgramRequest, Organiser {
    }

    /** What the page's form sent besides the registration, and from where. */
    public record FormSubmission(String honeypot, String formToken, String proof, boolean fromThisSite,
            String address) implements Ticket {
    }

    /** A registration over the API: the solution from its {@code Altcha} header, and where it came from. */
    public record ProgramRequest(String proof, String address) implements Ticket {
    }

    /** An organiser entering registrations (from a paper list, an import) is trusted. */
    public enum Organiser implements Ticket {
        ORGANISER
    }

    /**
     * A request let in. {@code proofSignature} names the solution it spent (null without one);
     * {@code repeatOf} is the registration a repeat of an answered request was answered with, and
     * {@code answeredAlreadyRegistered} whether that answer said "registered already".
     */
    public record Admitted(String proofSignature, UUID repeatOf, boolean answeredAlreadyRegistered) {

        static final Admitted WITHOUT_PROOF = new Admitted(null, null, false);

        public boolean isRepeat() {
            return repeatOf != null;
        }
    }

    /**
     * A refusal, thrown out of the registration's transaction so that nothing it counted or spent stays;
     * {@code retryAfter} only for the rate limits.
     */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;
        private final Duration retryAfter;

        Refused(Refusal refusal, Duration retryAfter) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
            this.retryAfter = retryAfter;
        }

        /** A refusal that has no time to wait. */
        public static Refused of(Refusal refusal) {
            return new Refused(refusal, Duration.ZERO);
        }

        public Refusal refusal() {
            return refusal;
        }

        /** For a {@code Retry-After} header: whole seconds, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds());
        }
    }

    private static final String ADDRESS = "address";
    private static final String ADDRESS_WITHOUT_SCRIPT = "address-without-script";
    private static final String EMAIL = "email";

    private final ProofOfWork proofOfWork;
    private final RateLimits rateLimits;
    private final FormTokens formTokens;
    private final RateLimitConfig limits;

    public Admission(ProofOfWork proofOfWork, RateLimits rateLimits, FormTokens formTokens, BotDefenceConfig bots) {
        this.proofOfWork = proofOfWork;
        this.rateLimits = rateLimits;
        this.formTokens = formTokens;
        this.limits = bots.limits();
    }

    /**
     * Lets a request in, or throws {@link Refused}: in the registration's transaction, so that a request
     * whose registration is not stored spends no proof and counts against no limit. The page's form goes
     * ahead without a proof of work too (a browser without JavaScript, or one that could not solve it),
     * within a stricter limit for its address; the API needs one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Admitted admit(Ticket ticket, UUID eventId, RegistrationForm registration) {
        return switch (ticket) {
            case Organiser organiser -> Admitted.WITHOUT_PROOF;
            case ProgramRequest program -> {
                if (isBlank(program.proof())) {
                    throw Refused.of(Refusal.PROOF_MISSING);
                }
                yield counted(program.proof(), eventId, registration, program.address());
            }
            case FormSubmission form -> {
                if (form.honeypot() != null && !form.honeypot().isEmpty()) {
                    throw Refused.of(Refusal.HONEYPOT);
                }
                if (!form.fromThisSite()) {
                    throw Refused.of(Refusal.OTHER_SITE);
                }
                FormTokens.Check token = formTokens.check(eventId, form.formToken());
                if (token != FormTokens.Check.VALID) {
                    throw Refused.of(token == FormTokens.Check.EXPIRED ? Refusal.FORM_EXPIRED : Refusal.FORM_FORGED);
                }
                yield counted(isBlank(form.proof()) ? null : form.proof(), eventId, registration, form.address());
            }
        };
    }

    /** Keeps the answer with the solution the request spent, so that a repeat of it gets the same. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(Admitted admitted, UUID registrationId, boolean alreadyRegistered) {
        if (admitted.proofSignature() != null && !admitted.isRepeat()) {
            proofOfWork.answered(admitted.proofSignature(), registrationId, alreadyRegistered);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Spends the proof and counts the hits, in the caller's transaction: a refusal leaves it by an exception,
     * which rolls both back. Without a proof ({@code null}: the page without JavaScript) the stricter limit
     * counts too. A repeat of an answered request counts nothing: it was counted the first time.
     */
    private Admitted counted(String proof, UUID eventId, RegistrationForm registration, String address) {
        Admitted admitted = Admitted.WITHOUT_PROOF;
        if (proof != null) {
            ProofOfWork.Spent spent = proofOfWork.spend(proof, eventId, registration.normalisedEmail());
            switch (spent.verdict()) {
                case SOLVED -> admitted = new Admitted(spent.signature(), null, false);
                case REPEATED -> {
                    return new Admitted(spent.signature(), spent.registrationId(), spent.alreadyRegistered());
                }
                default -> throw Refused.of(Refusal.of(spent.verdict()));
            }
        }
        List<RateLimits.Hit> hits = new ArrayList<>();
        String client = ClientAddress.limitedAs(address);
        hits.add(new RateLimits.Hit(ADDRESS, client, limits.perAddress().counted()));
        if (proof == null) {
            hits.add(new RateLimits.Hit(ADDRESS_WITHOUT_SCRIPT, client, limits.withoutScriptPerAddress().counted()));
        }
        hits.add(new RateLimits.Hit(EMAIL, registration.normalisedEmail(), limits.perEmail().counted()));
        rateLimits.count(hits).ifPresent(reached -> {
            Refusal refusal = EMAIL.equals(reached.name()) ? Refusal.TOO_MANY_FOR_EMAIL : Refusal.TOO_MANY_FROM_ADDRESS;
            throw new Refused(refusal, reached.retryAfter());
        });
        return admitted;
    }
}
