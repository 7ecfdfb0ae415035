package io.paperpost.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small charts of daily figures as inline SVG, drawn on the server: the dashboard works offline and needs no script
 * library. Colours are CSS expressions of the page's palette ({@code var(--accent)}), set as inline styles because
 * {@code var()} is not reliably honoured in SVG presentation attributes; text uses {@code currentColor}, so light and
 * dark mode both read. Each chart is {@code role="img"} with a {@code <title>} that sums it up (the exact numbers are
 * in the page's table). The scale always starts at zero, so a chart never exaggerates a change.
 */
public final class DailyChart {

    /** One named row of figures, one value per day, drawn in a CSS colour such as {@code var(--error)}. */
    public record Series(String label, String color, List<Long> values) {
    }

    private static void requireOneValuePerDay(List<LocalDate> days, List<Series> series) {
        for (Series s : series) {
            if (s.values().size() != days.size()) {
                throw new IllegalArgumentException(s.label() + " has " + s.values().size() + " values for "
                        + days.size() + " days");
            }
        }
    }

    static final int WIDTH = 420;
    static final int HEIGHT = 190;
    static final int LEFT = 44;
    static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 26;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** A non-zero count is drawn at least this tall, so a handful of failures never vanishes beside many sends. */
    static final double MIN_BAR = 2;
    /** At most this many day labels under the axis; more would overlap at 13 units a character. */
    static final int MAX_DAY_LABELS = 7;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private DailyChart() {
    }

    /** Grouped bars, one group per day, one bar per series. */
    public static String bars(String id, String title, List<LocalDate> days, List<Series> series) {
        requireOneValuePerDay(days, series);
        if (days.isEmpty()) {
            return empty(id, title);
        }
        long top = niceMax(series.stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).max()
                .orElse(0));
        StringBuilder svg = open(id, title + ", " + span(days) + ": " + totals(series));
        axes(svg, days, top);
        double slot = (double) PLOT_WIDTH / days.size();
        double barWidth = slot * 0.8 / Math.max(1, series.size());
        for (int day = 0; day < days.size(); day++) {
            double x = LEFT + day * slot + slot * 0.1;
            for (Series s : series) {
                long value = s.values().get(day);
                double height = value == 0 ? 0 : Math.max(MIN_BAR, value * (double) PLOT_HEIGHT / top);
                svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(TOP + PLOT_HEIGHT - height))
                        .append("\" width=\"").append(num(barWidth)).append("\" height=\"").append(num(height))
                        .append("\" style=\"fill:").append(escape(s.color())).append("\"><title>")
                        .append(escape(DAY.format(days.get(day)) + ": " + value + " " + s.label().toLowerCase(
                                Locale.ROOT)))
                        .append("</title></rect>");
                x += barWidth;
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A line through one value per day, with a dot on each day. */
    public static String line(String id, String title, List<LocalDate> days, Series series) {
        requireOneValuePerDay(days, List.of(series));
        if (days.isEmpty()) {
            return empty(id, title);
        }
        List<Long> values = series.values();
        long top = niceMax(values.stream().mapToLong(Long::longValue).max().orElse(0));
        long highest = values.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder svg = open(id, title + ", " + span(days) + ": from " + values.get(0) + " to "
                + values.get(values.size() - 1) + " (highest " + highest + ")");
        axes(svg, days, top);
        double slot = (double) PLOT_WIDTH / days.size();
        List<String> points = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (int day = 0; day < days.size(); day++) {
            String x = num(LEFT + day * slot + slot / 2);
            String y = num(TOP + PLOT_HEIGHT - values.get(day) * (double) PLOT_HEIGHT / top);
            points.add(x + "," + y);
            dots.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" style=\"fill:")
                    .append(escape(series.color())).append("\"><title>")
                    .append(escape(DAY.format(days.get(day)) + ": " + values.get(day) + " "
                            + series.label().toLowerCase(Locale.ROOT)))
                    .append("</title></circle>");
        }
        if (points.size() > 1) {
            svg.append("<polyline points=\"").append(String.join(" ", points))
                    .append("\" style=\"fill:none;stroke-width:2;stroke:").append(escape(series.color()))
                    .append("\"/>");
        }
        return svg.append(dots).append("</svg>").toString();
    }

    /**
     * The top of the scale: the smallest of 1, 2, 3, 4, 5, 6, 8 times a power of ten that holds the largest value
     * (1 when everything is zero), so the gridlines fall on round numbers.
     */
    static long niceMax(long max) {
        if (max <= 1) {
            return 1;
        }
        long power = 1;
        while (power * 10 < max) {
            power *= 10;
        }
        for (long step : new long[]{1, 2, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static StringBuilder open(String id, String summary) {
        String titleId = escape(id) + "-title";
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(escape(id)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(titleId)
                .append("\" font-size=\"13\" fill=\"currentColor\"><title id=\"").append(titleId).append("\">")
                .append(escape(summary)).append("</title>");
    }

    private static String empty(String id, String title) {
        return open(id, title + ": no data yet").append("<text x=\"").append(WIDTH / 2).append("\" y=\"")
                .append(HEIGHT / 2).append("\" text-anchor=\"middle\">No data yet</text></svg>").toString();
    }

    /** Gridlines at zero, half and the top of the scale (half only when it is a whole number), and day labels. */
    private static void axes(StringBuilder svg, List<LocalDate> days, long top) {
        List<Long> ticks = top % 2 == 0 ? List.of(0L, top / 2, top) : List.of(0L, top);
        for (long tick : ticks) {
            String y = num(TOP + PLOT_HEIGHT - tick * (double) PLOT_HEIGHT / top);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y).append("\" style=\"stroke:var(--line)\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" dy=\"4\" text-anchor=\"end\">").append(tick).append("</text>");
        }
        double slot = (double) PLOT_WIDTH / days.size();
        int every = (days.size() + MAX_DAY_LABELS - 1) / MAX_DAY_LABELS;
        for (int day = 0; day < days.size(); day++) {
            // Counted from the last day, so the newest day is always labelled.
            if ((days.size() - 1 - day) % every == 0) {
                svg.append("<text x=\"").append(num(LEFT + day * slot + slot / 2)).append("\" y=\"")
                        .append(HEIGHT - 8).append("\" text-anchor=\"middle\">").append(DAY.format(days.get(day)))
                        .append("</text>");
            }
        }
    }

    private static String span(List<LocalDate> days) {
        return days.size() == 1
                ? DAY.format(days.get(0))
                : DAY.format(days.get(0)) + " to " + DAY.format(days.get(days.size() - 1));
    }

    private static String totals(List<Series> series) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            parts.add(s.values().stream().mapToLong(Long::longValue).sum() + " " + s.label().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", parts) + " in all";
    }

    /** Coordinates to a tenth of a unit: enough on any screen, and short. */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
