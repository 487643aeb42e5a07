package org.convene.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.altcha.altcha.Altcha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Solves registration-service's proof-of-work challenges ({@code GET /api/challenge}) as a supporter's
 * browser does, for the tests and the load generator: the solution, base64 JSON, as the {@code Altcha}
 * header and the form's field carry it.
 */
public final class ProofOfWorkSolutions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofOfWorkSolutions() {
    }

    /** The solution of a challenge as {@code GET /api/challenge} answers it. */
    public static String solve(String challengeJson) {
        try {
            JsonNode challenge = JSON.readTree(challengeJson);
            return solve(challenge.get("challenge").asText(), challenge.get("salt").asText(),
                    challenge.get("maxnumber").asLong(), challenge.get("signature").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a challenge: " + challengeJson, e);
        }
    }

    public static String solve(String challenge, String salt, long maxNumber, String signature) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.SHA256, maxNumber, 0);
            if (solution == null) {
                throw new IllegalArgumentException("no number up to " + maxNumber + " solves " + challenge);
            }
            Map<String, Object> payload = Map.of("algorithm", "SHA-256", "challenge", challenge, "number",
                    solution.number, "salt", salt, "signature", signature);
            return Base64.getEncoder().encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not solve " + challenge, e);
        }
    }
}
