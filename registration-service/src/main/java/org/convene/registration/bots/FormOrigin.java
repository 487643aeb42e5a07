package org.convene.registration.bots;

import java.net.URI;
import java.net.URISyntaxException;

import io.vertx.core.http.HttpServerRequest;

/**
 * Whether a form was sent from a page of this site. Every current browser says where a form came
 * from ({@code Sec-Fetch-Site}, else {@code Origin}); a post from another site is a visitor's browser
 * made to register someone without knowing it. A request that says nothing (an old browser, a
 * program) is left to the form token. The embedded form posts from its own frame, on this site.
 */
public final class FormOrigin {

    private FormOrigin() {
    }

    public static boolean fromThisSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            // "none" is a person's own action, such as sending the form again from the history.
            return "same-origin".equals(fetchSite) || "none".equals(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            String host = new URI(origin).getHost();
            // Ports are not compared: another port of the same host is the same operator's.
            return host != null && request.authority() != null && host.equalsIgnoreCase(request.authority().host());
        } catch (URISyntaxException e) {
            // Includes "null", which sandboxed frames and privacy settings send.
            return false;
        }
    }
}
