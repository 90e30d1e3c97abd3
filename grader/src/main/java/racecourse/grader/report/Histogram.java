package racecourse.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores as ten bars (0–9 %, 10–19 %, … 90–100 %) for an inline SVG: readable without a script,
 * printable, and the same in every browser.
 */
final class Histogram {

    static final int WIDTH = 240;
    static final int HEIGHT = 90;
    private static final int BINS = 10;
    private static final int LABEL_SPACE = 14;

    private Histogram() {
    }

    /** The view of one histogram: its bars, with counts and labels, sized for the template's SVG. */
    static Map<String, Object> of(String title, List<double[]> scoresAndMaxima) {
        int[] counts = new int[BINS];
        for (double[] sm : scoresAndMaxima) {
            if (sm[1] <= 0) {
                continue;
            }
            int bin = (int) Math.floor(sm[0] / sm[1] * BINS);
            counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        int highest = 1;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        double barWidth = (double) WIDTH / BINS;
        int plot = HEIGHT - 2 * LABEL_SPACE;
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            double h = (double) plot * counts[i] / highest;
            double y = LABEL_SPACE + plot - h;
            String range = i == BINS - 1 ? "90–100 %" : (i * 10) + "–" + (i * 10 + 9) + " %";
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("x", fmt(i * barWidth + 1));
            bar.put("y", fmt(y));
            bar.put("w", fmt(barWidth - 2));
            bar.put("h", fmt(h));
            bar.put("count", counts[i]);
            bar.put("hasCount", counts[i] > 0);
            bar.put("countY", fmt(y - 3));
            bar.put("labelX", fmt(i * barWidth + barWidth / 2));
            bar.put("label", range);
            bar.put("tick", i * 10);
            bars.add(bar);
        }
        return Map.of("title", title, "bars", bars, "width", WIDTH, "height", HEIGHT, "axisY", HEIGHT - LABEL_SPACE + 11,
                "students", scoresAndMaxima.size());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
