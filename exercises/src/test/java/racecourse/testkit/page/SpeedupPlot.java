package racecourse.testkit.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import racecourse.testkit.model.Speedup;

/**
 * The speed-up plot of the student page: time per thread count, the ideal line (the sequential time
 * divided by the threads) and the sequential time, as numbers for an inline SVG in student.html.
 * Only numbers computed here reach the SVG's attributes; every word comes from the language file.
 */
final class SpeedupPlot {

    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 32;

    private SpeedupPlot() {
    }

    static Map<String, Object> view(Speedup s, Map<String, String> text) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("oneCore", s.oneCore());
        v.put("summary", s.oneCore()
                ? format(text.get("speedupOneCore"), s.sequentialMillis())
                : format(text.get("speedupSummary"), s.ratio(), s.cores(), s.sequentialMillis()));
        v.put("width", WIDTH);
        v.put("height", HEIGHT);
        List<Integer> threads = new ArrayList<>(s.millisByThreads().keySet());
        if (threads.isEmpty()) {
            v.put("hasPlot", false);
            return v;
        }
        v.put("hasPlot", true);
        int maxThreads = Math.max(2, Collections.max(threads));
        double maxMillis = Math.max(s.sequentialMillis(), Collections.max(s.millisByThreads().values())) * 1.1;
        StringBuilder measured = new StringBuilder();
        List<Map<String, Object>> dots = new ArrayList<>();
        for (int t : threads) {
            double ms = s.millisByThreads().get(t);
            String x = num(x(t, maxThreads));
            String y = num(y(ms, maxMillis));
            measured.append(x).append(',').append(y).append(' ');
            dots.add(Map.of("x", x, "y", y, "label", String.format(Locale.ROOT, "%d: %.0f ms", t, ms)));
        }
        StringBuilder ideal = new StringBuilder();
        for (int t = 1; t <= maxThreads; t++) {
            ideal.append(num(x(t, maxThreads))).append(',').append(num(y(s.sequentialMillis() / t, maxMillis))).append(' ');
        }
        v.put("measured", measured.toString().trim());
        v.put("ideal", ideal.toString().trim());
        v.put("dots", dots);
        v.put("sequentialY", num(y(s.sequentialMillis(), maxMillis)));
        v.put("left", LEFT);
        v.put("right", WIDTH - RIGHT);
        v.put("bottom", HEIGHT - BOTTOM);
        v.put("top", TOP);
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int t = 1; t <= maxThreads; t++) {
            ticks.add(Map.of("x", num(x(t, maxThreads)), "label", t));
        }
        v.put("ticks", ticks);
        v.put("maxMillisLabel", String.format(Locale.ROOT, "%.0f ms", maxMillis));
        v.put("xLabelY", HEIGHT - 4);
        v.put("tickLabelY", HEIGHT - BOTTOM + 14);
        return v;
    }

    private static double x(int threads, int maxThreads) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (threads - 1) / (double) (maxThreads - 1);
    }

    private static double y(double millis, double maxMillis) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - millis / maxMillis);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
