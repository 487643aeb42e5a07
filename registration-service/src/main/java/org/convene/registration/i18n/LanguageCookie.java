package org.convene.registration.i18n;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

/** Keeps the language chosen with the switch, so that the next page speaks it too. */
public class LanguageCookie {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @ServerResponseFilter
    public void remember(HttpServerRequest request, ContainerResponseContext response) {
        PageLanguage.switchedTo(request).ifPresent(code -> response.getHeaders().add("Set-Cookie",
                new NewCookie.Builder(PageLanguage.COOKIE).value(code).path("/").maxAge(ONE_YEAR)
                        .sameSite(NewCookie.SameSite.LAX).build()));
    }
}
