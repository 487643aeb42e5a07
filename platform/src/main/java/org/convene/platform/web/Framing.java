package org.convene.platform.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who may show a page of this service in a frame: a CSP {@code frame-ancestors} source list. A service
 * whose pages may be embedded provides its own bean; every other page may be framed by no one
 * ({@link NotFramed}), so that nobody can dress it up as their own and trick a click.
 */
public interface Framing {

    String frameAncestors(HttpServerRequest request);
}
