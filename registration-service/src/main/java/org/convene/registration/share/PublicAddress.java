package org.convene.registration.share;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.convene.platform.web.PublicPages;

/**
 * Where the public pages are reached from outside ({@code convene.public-pages.url}): links that leave
 * the site (emails, shared posts, the embed script) must be absolute. Templates reach it as
 * {@code inject:publicAddress}.
 */
@ApplicationScoped
@Named("publicAddress")
public class PublicAddress {

    private final PublicPages pages;

    public PublicAddress(PublicPages pages) {
        this.pages = pages;
    }

    /** {@code path} (starting with a slash) as an absolute URL. */
    public String url(String path) {
        return pages.address(path);
    }

    /** The scheme, host and port, as browsers write an origin. */
    public String origin() {
        return URI.create(pages.url()).resolve("/").toString().replaceAll("/$", "");
    }
}
