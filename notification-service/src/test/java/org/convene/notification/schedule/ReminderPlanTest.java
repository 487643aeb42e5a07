package org.convene.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.convene.contracts.event.EventStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which reminders an event means, when each falls due, and what tells them apart in their keys. */
@Tag("unit")
class ReminderPlanTest {

    private static final Instant START = Instant.parse("2027-04-19T17:30:00Z");

    @Test
    void anEventThatChoseNothingHasADayAndAnHourBefore() {
        ReminderPlan plan = ReminderPlan.of(EventStatus.PUBLISHED, START, null);

        assertThat(plan.minutesBefore()).containsExactly(1440, 60);
        assertThat(plan.dueAt(1440)).isEqualTo(Instant.parse("2027-04-18T17:30:00Z"));
        assertThat(plan.dueAt(60)).isEqualTo(Instant.parse("2027-04-19T16:30:00Z"));
    }

    @Test
    void anEventThatChoseNoRemindersHasNone() {
        assertThat(ReminderPlan.of(EventStatus.PUBLISHED, START, List.of()).ahead(START.minus(Duration.ofDays(9))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventStatus.class, names = { "PUBLISHED", "RESCHEDULED" })
    void anEventStillAheadKeepsItsSchedule(EventStatus status) {
        assertThat(ReminderPlan.of(status, START, List.of(120, 5)).minutesBefore()).containsExactly(120, 5);
    }

    @ParameterizedTest
    @EnumSource(value = EventStatus.class, names = { "COMPLETED", "CANCELLED" })
    void anEventThatIsOverOrCalledOffHasNoReminders(EventStatus status) {
        assertThat(ReminderPlan.of(status, START, List.of(120, 5)).ahead(START.minus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void someoneWhoRegistersThreeHoursBeforeGetsTheOneHourReminderOnly() {
        ReminderPlan plan = ReminderPlan.of(EventStatus.PUBLISHED, START, null);

        assertThat(plan.ahead(START.minus(Duration.ofHours(3)))).containsExactly(60);
        assertThat(plan.ahead(START.minus(Duration.ofDays(2)))).containsExactly(1440, 60);
    }

    @Test
    void aReminderDueAtThisVeryMomentIsNotPlanned() {
        ReminderPlan plan = ReminderPlan.of(EventStatus.PUBLISHED, START, List.of(60));

        assertThat(plan.ahead(plan.dueAt(60))).isEmpty();
        assertThat(plan.ahead(plan.dueAt(60).minusNanos(1000))).containsExactly(60);
    }

    @Test
    void aReminderIsToldApartByItsMinutesAndTheStartToTheSecondInUtc() {
        ReminderPlan plan = ReminderPlan.of(EventStatus.PUBLISHED, Instant.parse("2027-04-19T17:30:05.123456Z"), null);

        assertThat(plan.distinction(60)).isEqualTo("60/20270419T173005Z");
        assertThat(plan.distinction(1440)).isEqualTo("1440/20270419T173005Z");
    }

    @Test
    void aNewTimeMeansNewRemindersWhileTheSameTimeMeansTheSame() {
        ReminderPlan before = ReminderPlan.of(EventStatus.PUBLISHED, START, null);

        assertThat(ReminderPlan.of(EventStatus.RESCHEDULED, START.plusSeconds(60), null).distinction(60))
                .isNotEqualTo(before.distinction(60));
        assertThat(ReminderPlan.of(EventStatus.PUBLISHED, START, List.of(60)).distinction(60))
                .isEqualTo(before.distinction(60));
    }
}
