package org.convene.platform.web;

import org.hibernate.validator.constraints.URL;

import io.smallrye.config.ConfigMapping;

/**
 * Where registration-service's public pages are reached from outside ({@code CONVENE_PUBLIC_PAGES_URL}):
 * every service links to them (the back office, the emails, the pages themselves when shared), and such
 * links must be absolute.
 */
@ConfigMapping(prefix = "convene.public-pages")
public interface PublicPages {

    /** The scheme, host and port, and any prefix, e.g. {@code https://events.example.org}. */
    @URL(regexp = "https?://.+", message = "must be an absolute http or https URL")
    String url();

    /** {@code path} (starting with a slash) on the public pages, as an absolute URL. */
    default String address(String path) {
        return url().replaceAll("/+$", "") + path;
    }
}
