package org.convene.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain SVG chart of series over time for the report, where Gatling's charts do not reach (the
 * emails): no library and no script, so that any browser or Markdown viewer shows it.
 */
final class Chart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int RIGHT = 20;
    private static final int LINE = 16;

    /** One series: its name in the legend, its colour, and its points; drawn as dots or as a line. */
    record Series(String name, String colour, double[] x, double[] y, boolean dots) {
    }

    private Chart() {
    }

    static String svg(String title, String xLabel, String yLabel, List<Series> series) {
        double maxX = max(series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).max().orElse(1));
        double maxY = max(series.stream().flatMapToDouble(s -> Arrays.stream(s.y())).max().orElse(1));
        // The title, then a line per series as its legend, above the plot, so that no line hides them.
        int top = LINE * (series.size() + 2);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - top - BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"18\" font-size=\"14\">%s</text>%n", WIDTH, HEIGHT, LEFT, escape(title)));
        for (int tick = 0; tick <= 4; tick++) {
            double y = top + plotHeight - tick * plotHeight / 4.0;
            double x = LEFT + tick * plotWidth / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, WIDTH - RIGHT, y, LEFT - 6,
                    y + 4, number(maxY * tick / 4)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    HEIGHT - BOTTOM + 16, number(maxX * tick / 4)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n"
                + "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 6, escape(xLabel), top + plotHeight / 2, top + plotHeight / 2,
                escape(yLabel)));
        int legend = 0;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                double x = LEFT + s.x()[i] / maxX * plotWidth;
                double y = top + plotHeight - s.y()[i] / maxY * plotHeight;
                if (s.dots()) {
                    points.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\"/>", x, y));
                } else {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
            }
            svg.append(s.dots() ? String.format("<g fill=\"%s\">%s</g>%n", s.colour(), points)
                    : String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
                            s.colour(), points.toString().strip()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", LEFT,
                    18 + LINE * ++legend, s.colour(), (s.dots() ? "● " : "— ") + escape(s.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** At least 1, so that an empty or flat series still has an axis. */
    private static double max(double value) {
        return Math.max(1, value);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
