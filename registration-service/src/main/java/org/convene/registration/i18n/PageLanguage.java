package org.convene.registration.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The language a page is read in: the one the visitor chose with the switch (kept in a cookie), else
 * the first of theirs that the pages speak (the browser's {@code Accept-Language}), else English.
 * Templates reach it as {@code inject:pageLanguage}.
 */
@RequestScoped
@Named("pageLanguage")
public class PageLanguage {

    /** The pages' languages, the first being the default. */
    public static final List<String> SPOKEN = List.of("en", "es");
    public static final String COOKIE = "convene_lang";
    public static final String SWITCH = "lang";

    private final HttpServerRequest request;
    private String code;

    public PageLanguage(HttpServerRequest request) {
        this.request = request;
    }

    /** {@code en} or {@code es}. */
    public String code() {
        if (code == null) {
            code = chosen().or(this::fromBrowser).orElse(SPOKEN.get(0));
        }
        return code;
    }

    public Locale locale() {
        return Locale.of(code());
    }

    /** The template, with its message bundle speaking this language. */
    public TemplateInstance render(TemplateInstance template) {
        return template.setLocale(locale());
    }

    /** This page again, in the other language: the switch's link. */
    public String otherLink() {
        String query = request.query() == null ? "" : request.query().replaceAll("(^|&)" + SWITCH + "=[^&]*", "");
        query = query.replaceFirst("^&", "");
        return request.path() + "?" + (query.isEmpty() ? "" : query + "&") + SWITCH + "=" + other();
    }

    public String other() {
        return "en".equals(code()) ? "es" : "en";
    }

    /** A valid choice from this request's switch, if it carries one. */
    static Optional<String> switchedTo(HttpServerRequest request) {
        return Optional.ofNullable(request.getParam(SWITCH)).filter(SPOKEN::contains);
    }

    private Optional<String> chosen() {
        return switchedTo(request).or(() -> Optional.ofNullable(request.getCookie(COOKIE)).map(Cookie::getValue)
                .filter(SPOKEN::contains));
    }

    private Optional<String> fromBrowser() {
        String header = request.getHeader("Accept-Language");
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(header), SPOKEN));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed header is no preference
        }
    }
}
