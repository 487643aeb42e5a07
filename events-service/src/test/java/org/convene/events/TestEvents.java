package org.convene.events;

import java.time.LocalDateTime;
import java.util.Map;

/** Events for the tests to create, as an organiser's tool would send them. */
public final class TestEvents {

    private TestEvents() {
    }

    /** The first seed event's essentials, 30 days from now at 18:30 London time. */
    public static Map<String, Object> bolivia() {
        return Map.of(
                "title", "Bolivia – People Power, Hope & Solidarity",
                "startsAt", LocalDateTime.now().plusDays(30).withHour(18).withMinute(30).withSecond(0).withNano(0).toString(),
                "timeZone", "Europe/London",
                "durationMinutes", 90,
                "joinUrl", "https://meet.example.org/bolivia");
    }
}
