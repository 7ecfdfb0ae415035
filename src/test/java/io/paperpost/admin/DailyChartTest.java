package io.paperpost.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's inline SVG charts: scale, summary, and the edge cases of no, one and only-zero days. */
class DailyChartTest {

    static final LocalDate FIRST = LocalDate.of(2026, 11, 20);

    static List<LocalDate> days(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(FIRST.plusDays(i));
        }
        return days;
    }

    static DailyChart.Series series(String label, String color, long... values) {
        List<Long> list = new ArrayList<>();
        for (long value : values) {
            list.add(value);
        }
        return new DailyChart.Series(label, color, list);
    }

    /** The heights of the bars drawn in the colour, in order. */
    static List<Double> barHeights(String svg, String color) {
        Matcher bar = Pattern.compile("<rect [^>]*height=\"([0-9.]+)\" style=\"fill:" + Pattern.quote(color) + "\"")
                .matcher(svg);
        List<Double> heights = new ArrayList<>();
        while (bar.find()) {
            heights.add(Double.parseDouble(bar.group(1)));
        }
        return heights;
    }

    @Test
    void theScaleTopsOutAtTheNextRoundNumber() {
        assertThat(DailyChart.niceMax(0)).isEqualTo(1);
        assertThat(DailyChart.niceMax(1)).isEqualTo(1);
        assertThat(DailyChart.niceMax(7)).isEqualTo(8);
        assertThat(DailyChart.niceMax(10)).isEqualTo(10);
        assertThat(DailyChart.niceMax(21)).isEqualTo(30);
        assertThat(DailyChart.niceMax(81)).isEqualTo(100);
        assertThat(DailyChart.niceMax(1234)).isEqualTo(2000);
        assertThat(DailyChart.niceMax(9_999_999)).isEqualTo(10_000_000);
    }

    @Test
    void barsAreAsTallAsTheirValueOnAScaleFromZero() {
        String svg = DailyChart.bars("c", "Emails", days(3),
                List.of(series("Sent", "var(--accent)", 100, 200, 0), series("Failed", "var(--error)", 0, 1, 0)));

        // 200 sent tops out a 0–200 scale: the tallest bar fills the plot, half of it is half as tall, zero is nothing.
        assertThat(barHeights(svg, "var(--accent)")).containsExactly(DailyChart.PLOT_HEIGHT / 2.0,
                (double) DailyChart.PLOT_HEIGHT, 0.0);
        // One failure beside 200 sends would be a fraction of a unit: drawn at the minimum height, never invisible.
        assertThat(barHeights(svg, "var(--error)")).containsExactly(0.0, DailyChart.MIN_BAR, 0.0);
        assertThat(svg).contains(">0</text>").contains(">100</text>").contains(">200</text>");
    }

    @Test
    void theChartIsAnImageNamedByASummaryOfItsNumbers() {
        String svg = DailyChart.bars("chart-emails", "Digest emails per day", days(2),
                List.of(series("Sent", "var(--accent)", 5, 7), series("Failed", "var(--error)", 1, 2),
                        series("Bounced", "var(--muted)", 0, 1)));

        assertThat(svg).startsWith("<svg ").contains("role=\"img\"")
                .contains("aria-labelledby=\"chart-emails-title\"")
                .contains("<title id=\"chart-emails-title\">Digest emails per day, Nov 20 to Nov 21: 12 sent, 3 failed,"
                        + " 1 bounced in all</title>")
                .contains("<title>Nov 21: 7 sent</title>").contains("fill=\"currentColor\"").endsWith("</svg>");
    }

    @Test
    void noDaysDrawNoBarsButSaySo() {
        String bars = DailyChart.bars("c", "Emails", List.of(), List.of());
        String line = DailyChart.line("s", "Subscribers", List.of(), series("Subscribers", "var(--ok)"));

        assertThat(bars).contains("Emails: no data yet").contains(">No data yet</text>").doesNotContain("<rect");
        assertThat(line).contains("Subscribers: no data yet").doesNotContain("<circle").doesNotContain("<polyline");
    }

    @Test
    void oneDayIsOneBarGroupAndOneDotWithoutALine() {
        String bars = DailyChart.bars("c", "Emails", days(1), List.of(series("Sent", "var(--accent)", 3)));
        String line = DailyChart.line("s", "Subscribers", days(1), series("Subscribers", "var(--ok)", 12));

        assertThat(barHeights(bars, "var(--accent)")).hasSize(1);
        assertThat(bars).contains("Emails, Nov 20: 3 sent in all").contains(">Nov 20</text>");
        assertThat(line).contains("Subscribers, Nov 20: from 12 to 12 (highest 12)").contains("<circle")
                .doesNotContain("<polyline");
    }

    @Test
    void allZerosLieOnTheBaselineOfAScaleOfOne() {
        String bars = DailyChart.bars("c", "Emails", days(14), List.of(series("Sent", "var(--accent)", new long[14])));
        String line = DailyChart.line("s", "Subscribers", days(14), series("Subscribers", "var(--ok)", new long[14]));

        assertThat(barHeights(bars, "var(--accent)")).hasSize(14).allMatch(height -> height == 0.0);
        assertThat(bars).contains(">1</text>").doesNotContain("NaN").doesNotContain("Infinity");
        int baseline = DailyChart.TOP + DailyChart.PLOT_HEIGHT;
        assertThat(line).contains("," + baseline + " ").contains("cy=\"" + baseline + "\"").doesNotContain("NaN");
    }

    @Test
    void aLineRisesWithItsValues() {
        String svg = DailyChart.line("s", "Subscribers", days(3), series("Subscribers", "var(--ok)", 0, 5, 10));

        Matcher dots = Pattern.compile("cy=\"([0-9.]+)\"").matcher(svg);
        List<Double> heights = new ArrayList<>();
        while (dots.find()) {
            heights.add(Double.parseDouble(dots.group(1)));
        }
        int baseline = DailyChart.TOP + DailyChart.PLOT_HEIGHT;
        assertThat(heights).containsExactly((double) baseline, baseline - DailyChart.PLOT_HEIGHT / 2.0,
                (double) DailyChart.TOP);
        assertThat(svg).contains("<polyline").contains("from 0 to 10 (highest 10)");
    }

    @Test
    void fourteenDaysLabelEveryOtherDayEndingWithTheNewest() {
        String svg = DailyChart.bars("c", "Emails", days(14), List.of(series("Sent", "var(--accent)", new long[14])));

        assertThat(svg).contains(">Dec 3</text>").contains(">Dec 1</text>").doesNotContain(">Dec 2</text>")
                .contains(">Nov 21</text>").doesNotContain(">Nov 20</text>");
    }

    @Test
    void labelsAreEscapedAndEveryDayNeedsAValue() {
        String svg = DailyChart.bars("c", "A <b> & \"c\"", days(1), List.of(series("Sent", "var(--accent)", 1)));
        assertThat(svg).contains("A &lt;b&gt; &amp; &quot;c&quot;").doesNotContain("<b>");

        assertThatThrownBy(() -> DailyChart.bars("c", "Emails", days(2), List.of(series("Sent", "x", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sent has 1 values for 2 days");
    }
}
