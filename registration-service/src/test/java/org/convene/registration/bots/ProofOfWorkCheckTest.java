package org.convene.registration.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.altcha.altcha.Altcha;
import org.convene.localstack.ProofOfWorkSolutions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a proof of work is worth before it is spent: made with this service's key, solved, not expired. */
@Tag("unit")
class ProofOfWorkCheckTest {

    private static final String KEY = "a key derived from the links secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final long MAX_NUMBER = 1000;

    private static Altcha.Challenge challenge(String key, Instant expires) throws Exception {
        return Altcha.createChallenge(new Altcha.ChallengeOptions().setMaxNumber(MAX_NUMBER).setHmacKey(key)
                .setExpires(expires.getEpochSecond()));
    }

    private static String solved(Altcha.Challenge challenge) {
        return ProofOfWorkSolutions.solve(challenge.challenge, challenge.salt, MAX_NUMBER, challenge.signature);
    }

    private static ProofOfWork.Check check(String solution, Instant now) {
        return ProofOfWork.check(solution, KEY, JSON, now);
    }

    @Test
    void aSolvedChallengeOfThisServiceIsGoodUntilItExpires() throws Exception {
        Instant expires = NOW.plusSeconds(1200);
        Altcha.Challenge challenge = challenge(KEY, expires);

        assertThat(check(solved(challenge), NOW))
                .isEqualTo(new ProofOfWork.Check.Good(challenge.signature, expires));
        assertThat(check(" " + solved(challenge) + "\n", NOW)).as("as a form may send it")
                .isInstanceOf(ProofOfWork.Check.Good.class);
        assertThat(check(solved(challenge), expires)).as("by this service's clock, not the system's")
                .isEqualTo(new ProofOfWork.Check.Bad(ProofOfWork.Verdict.EXPIRED));
    }

    @Test
    void aChallengeMadeWithAnotherKeyIsWorthNothing() throws Exception {
        assertThat(check(solved(challenge("another service's key", NOW.plusSeconds(60))), NOW))
                .isEqualTo(new ProofOfWork.Check.Bad(ProofOfWork.Verdict.INVALID));
    }

    @Test
    void aWrongNumberIsWorthNothing() throws Exception {
        Altcha.Challenge challenge = challenge(KEY, NOW.plusSeconds(60));
        String payload = new String(Base64.getDecoder().decode(solved(challenge)), StandardCharsets.UTF_8);
        String wrong = payload.replaceFirst("\"number\":(\\d+)", "\"number\":" + (MAX_NUMBER + 1));
        assertThat(check(Base64.getEncoder().encodeToString(wrong.getBytes(StandardCharsets.UTF_8)), NOW))
                .isEqualTo(new ProofOfWork.Check.Bad(ProofOfWork.Verdict.INVALID));
    }

    @Test
    void whatIsNoSolutionAtAllIsWorthNothing() {
        for (String junk : new String[] { "", "not base64!", Base64.getEncoder().encodeToString("{}".getBytes()),
                Base64.getEncoder().encodeToString("[1,2]".getBytes()) }) {
            assertThat(check(junk, NOW)).as(junk).isEqualTo(new ProofOfWork.Check.Bad(ProofOfWork.Verdict.INVALID));
        }
    }
}
