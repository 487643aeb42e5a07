package org.convene.registration.organiser;

import jakarta.ws.rs.core.Response;

import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * Organiser endpoints here check the token events-service signed. Without a valid one (missing,
 * expired, tampered, signed by another key) the answer is 401 problem+json, as in events-service.
 */
public class OrganiserOnly {

    /** The group events-service puts in an organiser's token. */
    public static final String ROLE = "organiser";

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response challenge() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "Sign in as an organiser first").response();
    }
}
