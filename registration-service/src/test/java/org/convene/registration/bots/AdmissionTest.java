package org.convene.registration.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.convene.platform.signing.Signer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The refusals admission makes before it spends a proof or counts a limit: those need the database and
 * are tested against it (BotDefenceTest, RateLimitsTest).
 */
@Tag("unit")
class AdmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final String ADDRESS = "203.0.113.7";

    private final BotDefenceConfig bots = BotDefenceConfigTest.read(BotDefenceConfigTest.with(Map.of()));
    private final Signer signer = new Signer("a links secret of at least thirty-two characters");
    private final FormTokens tokens = new FormTokens(signer, Clock.fixed(NOW, ZoneOffset.UTC), bots);
    // Nothing below reaches the proof of work or the rate limits: a refusal comes first.
    private final Admission admission = new Admission(null, null, tokens, bots);

    private Admission.Refusal refusal(Admission.Ticket ticket) {
        return catchThrowableOfType(Admission.Refused.class, () -> admission.admit(ticket, EVENT, null)).refusal();
    }

    private Admission.FormSubmission form(String honeypot, String token, boolean fromThisSite) {
        return new Admission.FormSubmission(honeypot, token, null, fromThisSite, ADDRESS);
    }

    @Test
    void theFieldPeopleCannotSeeFilledInIsABot() {
        assertThat(refusal(form("https://spam.example", tokens.issue(EVENT), true))).isEqualTo(Admission.Refusal.HONEYPOT);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        assertThat(refusal(form("", tokens.issue(EVENT), false))).isEqualTo(Admission.Refusal.OTHER_SITE);
    }

    @Test
    void aFormTokenMustBeThisEventsAndFresh() {
        assertThat(refusal(form("", null, true))).isEqualTo(Admission.Refusal.FORM_FORGED);
        assertThat(refusal(form("", "12345.abc", true))).isEqualTo(Admission.Refusal.FORM_FORGED);
        assertThat(refusal(form("", tokens.issue(UUID.randomUUID()), true))).as("another event's")
                .isEqualTo(Admission.Refusal.FORM_FORGED);
        String stale = tokens.issue(EVENT, NOW.minus(bots.formLifetime()).minus(Duration.ofSeconds(1)));
        assertThat(refusal(form("", stale, true))).isEqualTo(Admission.Refusal.FORM_EXPIRED);
        String lastMoment = tokens.issue(EVENT, NOW.minus(bots.formLifetime()));
        assertThat(tokens.check(EVENT, lastMoment)).isEqualTo(FormTokens.Check.VALID);
    }

    @Test
    void aProgramMustBringAProofOfWork() {
        assertThat(refusal(new Admission.ProgramRequest(null, ADDRESS))).isEqualTo(Admission.Refusal.PROOF_MISSING);
        assertThat(refusal(new Admission.ProgramRequest("  ", ADDRESS))).isEqualTo(Admission.Refusal.PROOF_MISSING);
    }

    @Test
    void anOrganiserIsLetInWithoutAProof() {
        assertThat(admission.admit(Admission.Organiser.ORGANISER, EVENT, null).proofSignature()).isNull();
    }

    @Test
    void aProofRefusalTellsWhyInAdmissionsWords() {
        assertThat(Admission.Refusal.of(ProofOfWork.Verdict.EXPIRED)).isEqualTo(Admission.Refusal.PROOF_EXPIRED);
        assertThat(Admission.Refusal.of(ProofOfWork.Verdict.USED)).isEqualTo(Admission.Refusal.PROOF_USED);
        assertThat(Admission.Refusal.of(ProofOfWork.Verdict.INVALID)).isEqualTo(Admission.Refusal.PROOF_INVALID);
    }
}
