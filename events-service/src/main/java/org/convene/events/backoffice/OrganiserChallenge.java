package org.convene.events.backoffice;

import java.net.URI;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.convene.events.organiser.SessionCookies;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The answer to a request without a valid organiser token: never a page of data. A page gets the
 * refresh of its session, or a link to the sign-in form that leads back to it (and the browser forgets
 * the stale cookies); the API gets a 401 problem answer.
 */
public class OrganiserChallenge {

    private final SessionCookies cookies;

    public OrganiserChallenge(SessionCookies cookies) {
        this.cookies = cookies;
    }

    /**
     * On a page, with a refresh cookie: a 307 to the refresh of the session, which comes back here with
     * the same method and body and a new token (the token lives minutes, the session hours). Without one,
     * the link to the sign-in form.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response challenge(UriInfo uri, HttpHeaders headers) {
        String path = uri.getRequestUri().getRawPath();
        if (path.startsWith(SignInPage.PAGES)) {
            String query = uri.getRequestUri().getRawQuery();
            String asked = query == null ? path : path + "?" + query;
            Cookie refresh = headers.getCookies().get(SessionCookies.REFRESH);
            if (refresh != null && !refresh.getValue().isEmpty()) {
                return Response.temporaryRedirect(URI.create(SignInPage.refreshLink(asked))).build();
            }
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE)
                    .cookie(cookies.forgotten())
                    .entity(SignInPage.Templates.signInNeeded(SignInPage.signInLink(asked))).build();
        }
        return new ProblemException(ProblemType.UNAUTHORIZED, "Sign in as an organiser first").response();
    }
}
