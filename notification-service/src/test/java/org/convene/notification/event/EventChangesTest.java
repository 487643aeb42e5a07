package org.convene.notification.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.convene.contracts.delivery.EmailKind;
import org.convene.contracts.event.EventStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which emails a newer snapshot of an event means for everyone registered. */
@Tag("unit")
class EventChangesTest {

    private static final Instant AT = Instant.parse("2027-04-19T17:30:00Z");
    private static final Instant LATER = AT.plusSeconds(3600);
    private static final String RECORDING = "https://video.example.org/r";

    private static EventChanges.Before before(EventStatus status, String recordingUrl) {
        return new EventChanges.Before(status, AT, recordingUrl);
    }

    @ParameterizedTest
    @EnumSource(value = EventStatus.class, names = { "PUBLISHED", "RESCHEDULED", "COMPLETED" })
    void aSnapshotThatChangesNothingTheyCareAboutMeansNoEmail(EventStatus status) {
        assertThat(before(status, null).news(status, AT, null)).isEmpty();
        assertThat(before(status, RECORDING).news(status, AT, RECORDING)).isEmpty();
    }

    @Test
    void aCancellationIsNewsOnce() {
        assertThat(before(EventStatus.PUBLISHED, null).news(EventStatus.CANCELLED, AT, null))
                .containsExactly(EmailKind.EVENT_CANCELLED);
        assertThat(before(EventStatus.CANCELLED, null).news(EventStatus.CANCELLED, AT, null)).isEmpty();
    }

    @Test
    void aNewTimeIsNewsUnlessTheEventIsCalledOffAtOnce() {
        assertThat(before(EventStatus.PUBLISHED, null).news(EventStatus.RESCHEDULED, LATER, null))
                .containsExactly(EmailKind.RESCHEDULED);
        assertThat(before(EventStatus.PUBLISHED, null).news(EventStatus.CANCELLED, LATER, null))
                .containsExactly(EmailKind.EVENT_CANCELLED);
    }

    @Test
    void theRecordingIsNewsWhenItFirstAppears() {
        assertThat(before(EventStatus.COMPLETED, null).news(EventStatus.COMPLETED, AT, RECORDING))
                .containsExactly(EmailKind.FOLLOW_UP);
        assertThat(before(EventStatus.COMPLETED, RECORDING).news(EventStatus.COMPLETED, AT, RECORDING + "2"))
                .as("a corrected address is not a second follow-up").isEmpty();
    }

    @Test
    void aMoveAndARecordingInOneSnapshotAreBothNews() {
        assertThat(before(EventStatus.PUBLISHED, null).news(EventStatus.RESCHEDULED, LATER, RECORDING))
                .containsExactlyInAnyOrder(EmailKind.RESCHEDULED, EmailKind.FOLLOW_UP);
    }
}
