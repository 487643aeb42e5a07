package org.convene.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * The headers every answer of every service carries, pages above all. The Content-Security-Policy lets
 * scripts come from the service's own files only, never from inline script or another site, so that
 * text someone slipped into a page cannot run; styles may be inline (the pages use a few attributes).
 * Images may come from any https site: an event's picture is the organiser's link. Forms post to the
 * service itself. {@code Referrer-Policy} keeps the path, which may hold a link's token, from other
 * sites, yet lets a form's own {@code Origin} through (the public form checks it; {@code no-referrer}
 * would make it {@code null}).
 */
public class SecurityHeaders {

    public static final String NONE = "'none'";
    public static final String SELF = "'self'";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors ";

    private final Framing framing;

    public SecurityHeaders(Framing framing) {
        this.framing = framing;
    }

    @ServerResponseFilter
    public void secure(HttpServerRequest request, ContainerResponseContext response) {
        String ancestors = framing.frameAncestors(request);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY + ancestors);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
        // For browsers older than frame-ancestors; it cannot name other sites, so it is left out then.
        if (NONE.equals(ancestors)) {
            headers.putSingle("X-Frame-Options", "DENY");
        } else if (SELF.equals(ancestors)) {
            headers.putSingle("X-Frame-Options", "SAMEORIGIN");
        }
    }
}
