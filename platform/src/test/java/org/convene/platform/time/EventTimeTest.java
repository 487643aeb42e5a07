package org.convene.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EventTimeTest {

    /** The seed event: 18:30 in London on 19 April 2021 is 17:30 UTC, 13:30 in La Paz. */
    private static final Instant BOLIVIA_EVENT = Instant.parse("2021-04-19T17:30:00Z");

    @Test
    void writesTheTimeInTheEventsZoneWithItsOffset() {
        assertThat(EventTime.describe(BOLIVIA_EVENT, ZoneId.of("Europe/London"), Locale.UK))
                .isEqualTo("Monday 19 April 2021, 18:30 (Europe/London, UTC+01:00)");
    }

    @Test
    void writesTheSameInstantInAnotherZone() {
        assertThat(EventTime.describe(BOLIVIA_EVENT, ZoneId.of("America/La_Paz"), Locale.UK))
                .isEqualTo("Monday 19 April 2021, 13:30 (America/La_Paz, UTC-04:00)");
    }

    @Test
    void namesTheDayInTheReadersLanguage() {
        assertThat(EventTime.describe(BOLIVIA_EVENT, ZoneId.of("Europe/Madrid"), Locale.forLanguageTag("es")))
                .isEqualTo("lunes, 19 de abril de 2021, 19:30 (Europe/Madrid, UTC+02:00)");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(EventTime.duration(90)).isEqualTo("1 hour 30 minutes");
        assertThat(EventTime.duration(120)).isEqualTo("2 hours");
        assertThat(EventTime.duration(45)).isEqualTo("45 minutes");
        assertThat(EventTime.duration(61)).isEqualTo("1 hour 1 minute");
        Locale spanish = Locale.forLanguageTag("es");
        assertThat(EventTime.duration(90, spanish)).isEqualTo("1 hora 30 minutos");
        assertThat(EventTime.duration(120, spanish)).isEqualTo("2 horas");
        assertThat(EventTime.duration(1, spanish)).isEqualTo("1 minuto");
    }

    @Test
    void utcItselfHasNoOffsetDigits() {
        assertThat(EventTime.describe(BOLIVIA_EVENT, ZoneId.of("UTC"), Locale.UK)).endsWith("(UTC, UTC)");
    }
}
