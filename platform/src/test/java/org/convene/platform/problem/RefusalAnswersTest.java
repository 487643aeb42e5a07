package org.convene.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.platform.domain.DomainException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RefusalAnswersTest {

    private static final class Refused extends DomainException {
        Refused(String detail) {
            super(detail);
        }
    }

    @Test
    void aRefusalAnswersWithTheChosenTypeInItsOwnWords() {
        Problem problem = RefusalAnswers.answer(new Refused("The event is full."), ProblemType.EVENT_FULL).problem();
        assertThat(problem.type()).isEqualTo(ProblemType.EVENT_FULL.uri());
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("The event is full.");
    }

    @Test
    void aRefusalWithoutAnAnswerIsOurFaultAndSaysNothingOfItself() {
        Problem problem = RefusalAnswers.answer(new Refused("internal words"), null).problem();
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
        assertThat(problem.detail()).doesNotContain("internal words");
    }
}
