package org.convene.events.mailing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A mailing is changed and tested as a draft, sent once it was tested, and never after it was sent. */
@Tag("unit")
class MailingRulesTest {

    private static final Instant TESTED = Instant.parse("2030-05-01T10:00:00Z");
    private static final Instant SENT = Instant.parse("2030-05-01T11:00:00Z");

    @Test
    void aDraftCanBeEditedAndTested() {
        Mailing draft = mailing(MailingStatus.DRAFT, null, null);
        assertDoesNotThrow(() -> draft.checkDraft("edited"));
        assertDoesNotThrow(() -> draft.checkDraft("tested"));
    }

    @Test
    void aSentMailingCannotBeEditedOrTested() {
        Mailing sent = mailing(MailingStatus.SENT, TESTED, SENT);
        var edited = assertThrows(MailingAlreadySent.class, () -> sent.checkDraft("edited"));
        assertTrue(edited.getMessage().startsWith("A message that was sent cannot be edited"), edited.getMessage());
        assertThrows(MailingAlreadySent.class, () -> sent.checkDraft("tested"));
    }

    @Test
    void aSentMailingCannotBeSentAgain() {
        var again = assertThrows(MailingAlreadySent.class, () -> mailing(MailingStatus.SENT, TESTED, SENT).checkSendable());
        assertTrue(again.getMessage().contains("already sent, at " + SENT), again.getMessage());
    }

    @Test
    void aDraftIsSentOnlyOnceTested() {
        assertThrows(MailingUntested.class, () -> mailing(MailingStatus.DRAFT, null, null).checkSendable());
        assertDoesNotThrow(() -> mailing(MailingStatus.DRAFT, TESTED, null).checkSendable());
    }

    private static Mailing mailing(MailingStatus status, Instant testedAt, Instant sentAt) {
        Mailing mailing = new Mailing();
        mailing.status = status;
        mailing.testedAt = testedAt;
        mailing.sentAt = sentAt;
        return mailing;
    }
}
