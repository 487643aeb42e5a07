package org.convene.registration.embed;

import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.convene.platform.web.Framing;
import org.convene.platform.web.SecurityHeaders;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who may show these pages in a frame. The embeddable form (under {@code /embed/}, and the pages it
 * leads to, marked {@code embed=true}) may be framed by the organisations' own sites named in
 * {@code convene.embed.allowed-origins}; every other page by this site only, so that nobody can
 * dress a page up as their own and trick a click (clickjacking).
 */
@ApplicationScoped
public class FramingPolicy implements Framing {

    public static final String EMBED_PARAMETER = "embed";

    private final String embeddable;

    public FramingPolicy(EmbedConfig config) {
        List<String> allowed = config.allowedOrigins().orElse(List.of());
        this.embeddable = String.join(" ", Stream.concat(Stream.of(SecurityHeaders.SELF), allowed.stream()).toList());
    }

    @Override
    public String frameAncestors(HttpServerRequest request) {
        boolean embedded = request.path().startsWith("/embed/") || "true".equals(request.getParam(EMBED_PARAMETER));
        return embedded ? embeddable : SecurityHeaders.SELF;
    }
}
