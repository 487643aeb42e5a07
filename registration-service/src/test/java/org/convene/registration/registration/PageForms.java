package org.convene.registration.registration;

import java.util.UUID;

import org.jsoup.Jsoup;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Sending the event page's form as a browser without JavaScript does: with the token of the page it
 * was shown on, no proof of work, and redirects left to the test.
 */
public final class PageForms {

    private PageForms() {
    }

    public static RequestSpecification given(UUID eventId) {
        return RestAssured.given().redirects().follow(false).formParam("formToken", token(eventId));
    }

    /** The token of the form on the event's page, as it would be sent. */
    public static String token(UUID eventId) {
        String page = RestAssured.given().get("/events/{id}", eventId).then().extract().asString();
        return Jsoup.parse(page).select("input[name=formToken]").val();
    }
}
