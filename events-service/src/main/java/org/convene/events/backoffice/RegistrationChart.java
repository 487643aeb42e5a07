package org.convene.events.backoffice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.convene.contracts.registration.RegistrationState;
import org.convene.events.tally.RegistrationActivity;

/**
 * Registrations over time as an SVG line chart drawn on the server, so that it shows without
 * JavaScript: one line per kind, each the running total of registrations that reached it.
 */
public record RegistrationChart(List<Line> lines, String from, String to, int max, boolean empty) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int BOTTOM = 24;
    private static final int TOP = 8;
    private static final int RIGHT = 8;

    /** What each line counts: a promotion from the waitlist is a registration too. */
    private static final Map<String, Set<RegistrationState>> KINDS = Map.of(
            "registered", Set.of(RegistrationState.REGISTERED, RegistrationState.PROMOTED),
            "waitlisted", Set.of(RegistrationState.WAITLISTED),
            "cancelled", Set.of(RegistrationState.CANCELLED));
    private static final List<String> ORDER = List.of("registered", "waitlisted", "cancelled");

    /** One kind's running total: its name, its SVG points and its total now. */
    public record Line(String kind, String points, int total) {
    }

    static RegistrationChart of(List<RegistrationActivity.Count> counts, Instant now, ZoneId zone) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK).withZone(zone);
        if (counts.isEmpty()) {
            return new RegistrationChart(List.of(), label.format(now), label.format(now), 0, true);
        }
        Instant start = counts.get(0).minute();
        // The last minute is drawn to its end, and the chart runs on to now while nothing happens.
        Instant end = max(now, counts.get(counts.size() - 1).minute().plusSeconds(60));
        int max = 0;
        Map<String, Integer> totals = new HashMap<>();
        for (RegistrationActivity.Count c : counts) {
            String kind = kindOf(c.state());
            if (kind != null) {
                max = Math.max(max, totals.merge(kind, c.count(), Integer::sum));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (String kind : ORDER) {
            lines.add(line(kind, counts, start, end, Math.max(max, 1)));
        }
        return new RegistrationChart(lines, label.format(start), label.format(end), max, false);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotTop() {
        return TOP;
    }

    /** A step line: flat until a minute with registrations, then up by their number. */
    private static Line line(String kind, List<RegistrationActivity.Count> counts, Instant start, Instant end, int max) {
        StringBuilder points = new StringBuilder();
        int total = 0;
        points.append(x(start, start, end)).append(',').append(y(0, max));
        for (RegistrationActivity.Count c : counts) {
            if (!kind.equals(kindOf(c.state()))) {
                continue;
            }
            int x = x(c.minute(), start, end);
            points.append(' ').append(x).append(',').append(y(total, max));
            total += c.count();
            points.append(' ').append(x).append(',').append(y(total, max));
        }
        points.append(' ').append(x(end, start, end)).append(',').append(y(total, max));
        return new Line(kind, points.toString(), total);
    }

    private static String kindOf(RegistrationState state) {
        return KINDS.entrySet().stream().filter(e -> e.getValue().contains(state)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static int x(Instant t, Instant start, Instant end) {
        double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
        return LEFT + (int) Math.round((t.getEpochSecond() - start.getEpochSecond()) / span * (WIDTH - LEFT - RIGHT));
    }

    private static int y(int value, int max) {
        return HEIGHT - BOTTOM - (int) Math.round((double) value / max * (HEIGHT - BOTTOM - TOP));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
