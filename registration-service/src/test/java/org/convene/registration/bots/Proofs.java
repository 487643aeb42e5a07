package org.convene.registration.bots;

import static io.restassured.RestAssured.given;

import org.altcha.altcha.Altcha;
import org.convene.localstack.ProofOfWorkSolutions;

/** Solves challenges from {@code GET /api/challenge} as a program using the API would. */
public final class Proofs {

    private Proofs() {
    }

    /** A solution of a new challenge, for the {@code Altcha} header or the form's field. */
    public static String fresh() {
        return ProofOfWorkSolutions.solve(given().get("/api/challenge").then().statusCode(200).extract().asString());
    }

    static String solved(Altcha.Challenge challenge) {
        return ProofOfWorkSolutions.solve(challenge.challenge, challenge.salt, challenge.maxnumber, challenge.signature);
    }
}
