package org.convene.events.backoffice;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.platform.problem.Problem;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Words for the CSRF filter's bare 400, which it gives a form sent without the page's token (from
 * another site, or from a page left open longer than the token lives): a person gets a page that
 * says what to do, a tool a problem answer.
 */
public class CsrfRefusal {

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !isForm(request.getMediaType())) {
            return;
        }
        Response refusal = refusal(request);
        response.getHeaders().putSingle("Content-Type", refusal.getMediaType());
        response.setEntity(refusal.getEntity());
    }

    /** A 400 that says what to do: for a page, the form-expired page; for the API, a problem. */
    static Response refusal(ContainerRequestContext request) {
        // The raw path: decoding a hostile one (a lone %) would throw and answer 500.
        if (request.getUriInfo().getRequestUri().getRawPath().startsWith(SignInPage.PAGES)) {
            return pageRefusal();
        }
        var problem = new ProblemException(ProblemType.MALFORMED_REQUEST,
                "A form body must carry the page's CSRF token; the API takes JSON").problem();
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The page that says the form was not sent as the page sent it, and what to do. */
    static Response pageRefusal() {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                .entity(SignInPage.Templates.formExpired().render()).build();
    }

    static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
