package org.convene.registration.bots;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.altcha.altcha.Altcha;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/** Solves challenges from {@code GET /api/challenge} as a program using the API would. */
public final class Proofs {

    private Proofs() {
    }

    /** A solution of a new challenge, for the {@code Altcha} header or the form's field. */
    public static String fresh() {
        JsonPath challenge = given().get("/api/challenge").then().statusCode(200).extract().jsonPath();
        return solved(challenge.getString("challenge"), challenge.getString("salt"), challenge.getLong("maxnumber"),
                challenge.getString("signature"));
    }

    static String solved(Altcha.Challenge challenge) {
        return solved(challenge.challenge, challenge.salt, challenge.maxnumber, challenge.signature);
    }

    private static String solved(String challenge, String salt, long maxNumber, String signature) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.SHA256, maxNumber, 0);
            String json = new ObjectMapper().writeValueAsString(Map.of("algorithm", "SHA-256", "challenge", challenge,
                    "number", solution.number, "salt", salt, "signature", signature));
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("could not solve " + challenge, e);
        }
    }
}
