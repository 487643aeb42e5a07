package org.convene.events.backoffice;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Every change made through the back office's pages is a form, which the CSRF filter checks for the
 * page's token. That filter looks only at form bodies, so a POST with no body, or a body of another
 * type, would pass it unchecked: such a request to a page is refused here, with the words the CSRF
 * filter's refusal gets ({@link CsrfRefusal}). Decided by the resource the request matched, not by its
 * path: a path is written many ways (percent-encoded, with matrix parameters), a resource class one.
 */
public class FormsOnly {

    @ServerRequestFilter
    public Response refuseOtherBodies(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!HttpMethod.POST.equals(request.getMethod()) || resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().getPackageName().equals(FormsOnly.class.getPackageName())
                || CsrfRefusal.isForm(request.getMediaType())) {
            return null;
        }
        return CsrfRefusal.pageRefusal();
    }
}
