package org.convene.events.backoffice;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's view of the back office for REST Assured: the session cookie from the sign-in form,
 * and the CSRF cookie whose value every form must carry.
 */
final class PageSession {

    static final String CSRF = "csrf-token";

    private final String session;
    private final String csrf;

    private PageSession(String session, String csrf) {
        this.session = session;
        this.csrf = csrf;
    }

    /** Signs in through the form, as a person would. */
    static PageSession signIn() {
        String csrf = csrfCookie();
        var config = ConfigProvider.getConfig();
        Response signedIn = given().redirects().follow(false).cookie(CSRF, csrf).contentType(ContentType.URLENC)
                .formParam("email", config.getValue("convene.organiser.email", String.class))
                .formParam("password", config.getValue("convene.organiser.password", String.class))
                .formParam(CSRF, csrf)
                .post("/organiser/sign-in");
        signedIn.then().statusCode(303);
        return new PageSession(signedIn.getCookie("convene_session"), csrf);
    }

    /** The CSRF cookie a first visit to the sign-in page sets. */
    static String csrfCookie() {
        return given().get("/organiser/sign-in").then().statusCode(200).extract().cookie(CSRF);
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookie("convene_session", session).cookie(CSRF, csrf);
    }

    Response get(String path, Object... params) {
        return request().get(path, params);
    }

    /** A form sent with its CSRF token, as the pages send it. */
    Response post(String path, Map<String, ?> form, Object... params) {
        return request().contentType(ContentType.URLENC).formParams(form).formParam(CSRF, csrf).post(path, params);
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
