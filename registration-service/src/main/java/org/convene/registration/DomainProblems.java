package org.convene.registration;

import jakarta.ws.rs.core.Response;

import org.convene.platform.domain.DomainException;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.convene.platform.problem.RefusalAnswers;
import org.convene.registration.catalogue.NoSuchEvent;
import org.convene.registration.catalogue.RegistrationClosed;
import org.convene.registration.registration.EventFull;
import org.convene.registration.registration.NoSuchRegistration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where this service's domain refusals become problem answers: the type is chosen here,
 * the detail is the refusal's own words. docs/api.md lists the answers.
 */
public class DomainProblems {

    @ServerExceptionMapper
    public Response refused(DomainException refusal) {
        return problemFor(refusal).response();
    }

    static ProblemException problemFor(DomainException refusal) {
        return RefusalAnswers.answer(refusal, switch (refusal) {
            case NoSuchEvent missing -> ProblemType.NOT_FOUND;
            case NoSuchRegistration missing -> ProblemType.NOT_FOUND;
            case RegistrationClosed closed -> ProblemType.REGISTRATION_CLOSED;
            case EventFull full -> ProblemType.EVENT_FULL;
            default -> null;
        });
    }
}
