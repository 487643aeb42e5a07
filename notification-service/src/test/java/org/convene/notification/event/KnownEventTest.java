package org.convene.notification.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("unit")
class KnownEventTest {

    private static KnownEvent event(EventStatus status, String recordingUrl) {
        KnownEvent event = new KnownEvent();
        event.status = status;
        event.recordingUrl = recordingUrl;
        return event;
    }

    @ParameterizedTest
    @EnumSource(EmailKind.class)
    void anEventStillAheadChangesNoEmail(EmailKind kind) {
        for (EventStatus status : new EventStatus[] { EventStatus.PUBLISHED, EventStatus.RESCHEDULED }) {
            assertThat(event(status, null).emailInsteadOf(kind)).contains(kind);
        }
    }

    @ParameterizedTest
    @EnumSource(value = EmailKind.class, names = { "CONFIRMATION", "WAITLISTED", "PROMOTED", "RESCHEDULED", "REMINDER" })
    void aCancelledEventSendsItsCancellationInPlaceOfWhatSpeaksOfItAsAhead(EmailKind kind) {
        assertThat(event(EventStatus.CANCELLED, null).emailInsteadOf(kind)).contains(EmailKind.EVENT_CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = EmailKind.class, names = { "CONFIRMATION", "WAITLISTED", "PROMOTED", "RESCHEDULED", "REMINDER" })
    void aCompletedEventSendsItsRecordingOrNothing(EmailKind kind) {
        assertThat(event(EventStatus.COMPLETED, "https://video.example.org/r").emailInsteadOf(kind))
                .contains(EmailKind.FOLLOW_UP);
        assertThat(event(EventStatus.COMPLETED, null).emailInsteadOf(kind)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EmailKind.class, names = { "EVENT_CANCELLED", "FOLLOW_UP", "ORGANISER_MESSAGE" })
    void whatSpeaksOfTheEventAsItIsGoesAsItIs(EmailKind kind) {
        for (EventStatus status : EventStatus.values()) {
            assertThat(event(status, "https://video.example.org/r").emailInsteadOf(kind)).contains(kind);
        }
    }
}
