package org.convene.registration.organiser;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Tokens as events-service signs them (the local stack gives both services the keys). */
final class OrganiserTokens {

    private OrganiserTokens() {
    }

    static String valid() {
        return Jwt.issuer("convene").upn("organiser@example.org").groups(OrganiserOnly.ROLE)
                .expiresAt(Instant.now().plusSeconds(3600)).sign();
    }

    static RequestSpecification asOrganiser() {
        return given().auth().oauth2(valid());
    }
}
