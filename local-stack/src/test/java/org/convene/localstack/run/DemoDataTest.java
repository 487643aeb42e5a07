package org.convene.localstack.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DemoDataTest {

    @Test
    void theThreeSeedEventsAreBundled() throws Exception {
        JsonNode events = DemoData.demoEvents();
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("title").asText()).isEqualTo("Bolivia – People Power, Hope & Solidarity");
        assertThat(events.get(0).get("speakers")).hasSize(5);
    }

    @Test
    void movesAnEventIntoTheFutureKeepingWeekdayAndTime() {
        LocalDateTime original = LocalDateTime.parse("2021-04-19T18:30:00"); // a Monday
        LocalDate today = LocalDate.parse("2026-11-25"); // a Wednesday
        LocalDateTime moved = DemoData.moveIntoFuture(original, today, 0);
        assertThat(moved.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(moved.toLocalTime()).isEqualTo(original.toLocalTime());
        assertThat(moved.toLocalDate()).isEqualTo(LocalDate.parse("2026-12-14"));
        assertThat(DemoData.moveIntoFuture(original, today, 1)).isEqualTo(moved.plusWeeks(1));
    }
}
