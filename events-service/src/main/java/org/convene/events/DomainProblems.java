package org.convene.events;

import jakarta.ws.rs.core.Response;

import org.convene.events.event.EventStateForbids;
import org.convene.events.event.NoSuchEvent;
import org.convene.events.mailing.MailingAlreadySent;
import org.convene.events.mailing.MailingUntested;
import org.convene.events.mailing.NoSuchMailing;
import org.convene.platform.domain.DomainException;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.convene.platform.problem.RefusalAnswers;
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
            case NoSuchMailing missing -> ProblemType.NOT_FOUND;
            case EventStateForbids forbidden -> ProblemType.CONFLICT;
            case MailingAlreadySent sent -> ProblemType.CONFLICT;
            case MailingUntested untested -> ProblemType.CONFLICT;
            default -> null;
        });
    }
}
