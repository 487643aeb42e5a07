package org.convene.events.backoffice;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's view of the back office for REST Assured: the session cookie from the sign-in form, and
 * the CSRF cookie with the token that every form must carry (the page's hidden field: the cookie holds
 * its signature).
 */
final class PageSession {

    static final String CSRF = "csrf-token";

    /** What a first visit to a page gives: the cookie, and the token its forms carry. */
    record Csrf(String cookie, String token) {
    }

    private final String session;
    private final Csrf csrf;

    private PageSession(String session, Csrf csrf) {
        this.session = session;
        this.csrf = csrf;
    }

    /** Signs in through the form, as a person would. */
    static PageSession signIn() {
        var config = ConfigProvider.getConfig();
        return signIn(config.getValue("convene.organiser.email", String.class),
                config.getValue("convene.organiser.password", String.class));
    }

    /** Signs in as someone else, through the form. */
    static PageSession signIn(String email, String password) {
        Csrf csrf = freshCsrf();
        Response signedIn = given().redirects().follow(false).cookie(CSRF, csrf.cookie()).contentType(ContentType.URLENC)
                .formParam("email", email)
                .formParam("password", password)
                .formParam(CSRF, csrf.token())
                .post("/organiser/sign-in");
        signedIn.then().statusCode(303);
        return new PageSession(signedIn.getCookie("convene_session"), csrf);
    }

    /** The CSRF cookie a first visit to the sign-in page sets, and the token in its form. */
    static Csrf freshCsrf() {
        Response page = given().get("/organiser/sign-in");
        page.then().statusCode(200);
        return new Csrf(page.cookie(CSRF), Jsoup.parse(page.asString()).select("input[name=" + CSRF + "]").val());
    }

    String sessionCookie() {
        return session;
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookie("convene_session", session).cookie(CSRF, csrf.cookie());
    }

    Response get(String path, Object... params) {
        return request().get(path, params);
    }

    /** A form sent with its CSRF token, as the pages send it. */
    Response post(String path, Map<String, ?> form, Object... params) {
        return request().contentType(ContentType.URLENC).formParams(form).formParam(CSRF, csrf.token()).post(path, params);
    }

    /** A form sent from somewhere else: the CSRF cookie comes along, the token does not. */
    Response postWithoutToken(String path, Map<String, ?> form, Object... params) {
        var request = request().contentType(ContentType.URLENC);
        if (!form.isEmpty()) {
            request = request.formParams(form);
        }
        return request.post(path, params);
    }
}
