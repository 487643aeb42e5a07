package org.convene.events.backoffice;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every change made through the back office's pages is a form, which the CSRF filter checks for the
 * page's token. That filter looks only at form bodies, so a POST with no body, or a body of another
 * type, would pass it unchecked: such a request to a page is refused here, with the words the CSRF
 * filter's refusal gets ({@link CsrfRefusal}). The API ({@code /api}) takes JSON with a bearer token.
 */
public class FormsOnly {

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherBodies(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith(SignInPage.PAGES)
                || CsrfRefusal.isForm(request.getMediaType())) {
            return null;
        }
        return CsrfRefusal.refusal(request);
    }
}
