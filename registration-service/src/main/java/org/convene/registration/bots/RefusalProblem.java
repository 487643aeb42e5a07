package org.convene.registration.bots;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.convene.platform.problem.Problem;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;

/** The API's answer to a refused registration: what failed, and for a rate limit, when to try again. */
public final class RefusalProblem {

    /** The request header that carries the solution of a challenge from {@code GET /api/challenge}. */
    public static final String PROOF_HEADER = "Altcha";

    private RefusalProblem() {
    }

    public static Response of(Admission.Refused refused) {
        Admission.Refusal refusal = refused.refusal();
        return switch (refusal) {
            case TOO_MANY_FROM_ADDRESS, TOO_MANY_FOR_EMAIL -> {
                long seconds = refused.retryAfterSeconds();
                String who = refusal == Admission.Refusal.TOO_MANY_FOR_EMAIL ? "for this email" : "from this address";
                yield Response.fromResponse(new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                        "Too many registrations " + who + " in a short time: try again in " + seconds + " s").response())
                        .header(HttpHeaders.RETRY_AFTER, seconds).build();
            }
            default -> new ProblemException(ProblemType.BOT_CHECK_FAILED, PROOF_HEADER + ": " + reason(refusal),
                    List.of(new Problem.FieldError(PROOF_HEADER, reason(refusal)))).response();
        };
    }

    private static String reason(Admission.Refusal refusal) {
        return switch (refusal) {
            case PROOF_MISSING -> "is required: solve a challenge from GET /api/challenge and send the solution";
            case PROOF_EXPIRED -> "the challenge has expired: solve a new one";
            case PROOF_USED -> "this solution was used already: solve a new challenge for each registration";
            default -> "is not a solution of a challenge from this service";
        };
    }
}
