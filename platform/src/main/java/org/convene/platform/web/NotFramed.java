package org.convene.platform.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.vertx.core.http.HttpServerRequest;

/** The default: no page of the service in anyone's frame, its own included. */
@DefaultBean
@ApplicationScoped
public class NotFramed implements Framing {

    @Override
    public String frameAncestors(HttpServerRequest request) {
        return SecurityHeaders.NONE;
    }
}
