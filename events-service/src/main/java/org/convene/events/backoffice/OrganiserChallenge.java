package org.convene.events.backoffice;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.convene.contracts.problem.ProblemException;
import org.convene.contracts.problem.ProblemType;
import org.convene.events.organiser.SessionTokens;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The answer to a request without a valid organiser token: 401 always, never a page of data. A page
 * gets a link to the sign-in form that leads back to it (and the browser forgets the stale cookie);
 * the API gets a problem answer.
 */
public class OrganiserChallenge {

    private final SessionTokens sessions;

    public OrganiserChallenge(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response challenge(UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        if (path.startsWith(SignInPage.PAGES)) {
            String query = uri.getRequestUri().getRawQuery();
            String link = SignInPage.signInLink(query == null ? path : path + "?" + query);
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE)
                    .cookie(sessions.signedOut())
                    .entity(SignInPage.Templates.signInNeeded(link)).build();
        }
        return new ProblemException(ProblemType.UNAUTHORIZED, "Sign in as an organiser first").response();
    }
}
