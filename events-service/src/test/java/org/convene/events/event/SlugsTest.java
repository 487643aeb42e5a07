package org.convene.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SlugsTest {

    @Test
    void readableFromTheTitle() {
        assertThat(Slugs.of("Bolivia – People Power, Hope & Solidarity")).isEqualTo("bolivia-people-power-hope-solidarity");
        assertThat(Slugs.of("¡Solidaridad con Bolivia! Año 2022")).isEqualTo("solidaridad-con-bolivia-ano-2022");
    }

    @Test
    void neverEmptyAndNeverTooLong() {
        assertThat(Slugs.of("—")).isEqualTo("event");
        assertThat(Slugs.of("word ".repeat(40))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }
}
