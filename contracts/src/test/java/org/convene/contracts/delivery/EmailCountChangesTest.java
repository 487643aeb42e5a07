package org.convene.contracts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A transaction's emails add up to one message per event and kind. */
@Tag("unit")
class EmailCountChangesTest {

    private static final Instant AT = Instant.parse("2027-04-19T17:30:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void aBatchOfOutcomesIsOneMessagePerEventAndKind() {
        EmailCountChanges changes = new EmailCountChanges();
        for (int i = 0; i < 98; i++) {
            changes.outcome(EVENT, EmailKind.REMINDER, DeliveryOutcome.SENT);
        }
        changes.outcome(EVENT, EmailKind.REMINDER, DeliveryOutcome.BOUNCED);
        changes.outcome(EVENT, EmailKind.REMINDER, DeliveryOutcome.SUPPRESSED);
        changes.outcome(OTHER, EmailKind.REMINDER, DeliveryOutcome.SENT);
        changes.outcome(EVENT, EmailKind.CONFIRMATION, DeliveryOutcome.FAILED);

        assertThat(changes.sums(AT)).containsExactly(
                new EmailsCounted(EVENT, EmailKind.REMINDER, 0, 98, 0, 1, 0, 1, AT),
                new EmailsCounted(OTHER, EmailKind.REMINDER, 0, 1, 0, 0, 0, 0, AT),
                new EmailsCounted(EVENT, EmailKind.CONFIRMATION, 0, 0, 1, 0, 0, 0, AT));
    }

    @Test
    void promisesAndTakingBackNetOut() {
        EmailCountChanges changes = new EmailCountChanges();
        changes.promised(EVENT, EmailKind.REMINDER, 300);
        changes.promised(EVENT, EmailKind.REMINDER, -300);
        changes.promised(EVENT, EmailKind.RESCHEDULED, 300);
        changes.promised(EVENT, EmailKind.RESCHEDULED, -2);

        assertThat(changes.sums(AT)).as("a kind back to nothing is not told")
                .containsExactly(new EmailsCounted(EVENT, EmailKind.RESCHEDULED, 298, 0, 0, 0, 0, 0, AT));
    }

    @Test
    void messagesOfAPollAddUp() {
        EmailCountChanges changes = new EmailCountChanges();
        changes.add(new EmailsCounted(EVENT, EmailKind.REMINDER, 200, 100, 0, 0, 0, 0, AT.minusSeconds(9)));
        changes.add(new EmailsCounted(EVENT, EmailKind.REMINDER, 0, 99, 1, 0, 0, 0, AT.minusSeconds(5)));
        changes.outcome(EVENT, EmailKind.REMINDER, DeliveryOutcome.DROPPED);

        assertThat(changes.sums(AT))
                .containsExactly(new EmailsCounted(EVENT, EmailKind.REMINDER, 200, 199, 1, 0, 1, 0, AT));
    }

    @Test
    void nothingCountedTellsNothing() {
        assertThat(new EmailCountChanges().sums(AT)).isEmpty();
    }

    @Test
    void anOutcomeNeverCountsDown() {
        assertThatThrownBy(() -> new EmailsCounted(EVENT, EmailKind.REMINDER, 0, -1, 0, 0, 0, 0, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
