package org.convene.events;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the first organiser, signed in through the API as a tool would. */
public final class Organisers {

    private static String token;

    private Organisers() {
    }

    /**
     * JSON unless the test says otherwise: REST Assured would send a POST without a body as a form,
     * which, like any form, needs the pages' CSRF token.
     */
    public static RequestSpecification asOrganiser() {
        return given().auth().oauth2(token()).contentType(ContentType.JSON);
    }

    public static synchronized String token() {
        if (token == null) {
            var config = ConfigProvider.getConfig();
            token = given().contentType(ContentType.JSON)
                    .body(Map.of("email", config.getValue("convene.organiser.email", String.class),
                            "password", config.getValue("convene.organiser.password", String.class)))
                    .post("/api/session")
                    .then().statusCode(200).extract().path("token");
        }
        return token;
    }
}
