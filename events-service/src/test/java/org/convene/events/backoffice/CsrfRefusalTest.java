package org.convene.events.backoffice;

import static org.convene.events.Organisers.asOrganiser;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A form body refused on the API, whatever its path: the fuzzer found a lone {@code %} that answered 500. */
@QuarkusTest
class CsrfRefusalTest {

    @Test
    void aFormPostedToTheApiOnAPathThatDoesNotDecodeIsRefusedAs400() {
        asOrganiser().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").body("&&&&")
                .post("/api/events/y%25b%3Bq/mailings/a;b=c/send")
                .then().statusCode(400)
                .body("type", equalTo("urn:convene:problem:malformed-request"));
    }
}
