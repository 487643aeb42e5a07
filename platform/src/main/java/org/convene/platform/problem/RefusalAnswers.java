package org.convene.platform.problem;

import org.convene.platform.domain.DomainException;
import org.jboss.logging.Logger;

/**
 * A domain refusal as a problem answer: each service's mapper chooses the type, and the detail is the
 * refusal's own words. A refusal with no type chosen is a mistake of ours, not the client's: 500, logged.
 */
public final class RefusalAnswers {

    private static final Logger LOG = Logger.getLogger(RefusalAnswers.class);

    private RefusalAnswers() {
    }

    /** @param type the answer the service's mapper chose, or null when it has none for this refusal */
    public static ProblemException answer(DomainException refusal, ProblemType type) {
        if (type == null) {
            LOG.error("Answered 500: no problem type for " + refusal.getClass().getName(), refusal);
            return new ProblemException(ProblemType.INTERNAL_ERROR,
                    "The request could not be completed; it was logged for the operators");
        }
        return new ProblemException(type, refusal.getMessage());
    }
}
