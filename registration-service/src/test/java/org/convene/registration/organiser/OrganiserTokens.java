package org.convene.registration.organiser;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import org.convene.platform.security.OrganiserSessions;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Tokens as events-service signs them (the local stack gives both services the keys). */
public final class OrganiserTokens {

    private OrganiserTokens() {
    }

    /** An organiser's token of a session of its own, for an hour; a test changes what it tries. */
    public static JwtClaimsBuilder claims(UUID organiser, UUID session) {
        return Jwt.issuer("convene").audience(OrganiserSessions.AUDIENCE).subject(organiser.toString())
                .upn("organiser@example.org").groups(OrganiserOnly.ROLE)
                .claim(OrganiserSessions.SESSION_CLAIM, session.toString()).expiresAt(Instant.now().plusSeconds(3600));
    }

    public static String valid() {
        return claims(UUID.randomUUID(), UUID.randomUUID()).sign();
    }

    public static RequestSpecification asOrganiser() {
        return given().auth().oauth2(valid());
    }
}
