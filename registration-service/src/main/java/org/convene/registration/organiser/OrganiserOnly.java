package org.convene.registration.organiser;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;
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

    /** The organiser's id, for the security events: events-service makes it the token's subject. */
    static UUID id(JsonWebToken token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException notAnId) {
            return null;
        }
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response challenge() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "Sign in as an organiser first").response();
    }
}
