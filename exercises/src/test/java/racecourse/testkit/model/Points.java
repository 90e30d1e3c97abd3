package racecourse.testkit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Sums of test points into category and exercise scores, and how points are written, for the grader and a local run alike. */
public final class Points {

    private Points() {
    }

    /** An exercise's score from its tests' points: per category and in total, each sum rounded once. */
    public static ExerciseScore exercise(String exercise, ExerciseStatus status, List<TestScore> tests, List<String> diagnostics) {
        Map<String, double[]> categories = new TreeMap<>();
        double score = 0;
        double max = 0;
        for (TestScore t : tests) {
            double[] c = categories.computeIfAbsent(t.category(), k -> new double[2]);
            c[0] += t.score();
            c[1] += t.max();
            score += t.score();
            max += t.max();
        }
        Map<String, CategoryScore> byCategory = new TreeMap<>();
        categories.forEach((k, v) -> byCategory.put(k, new CategoryScore(round(v[0]), round(v[1]))));
        return new ExerciseScore(exercise, status, round(score), round(max), byCategory, new ArrayList<>(tests), diagnostics, null);
    }

    /** Points are shown to two decimals; sums are rounded once, at the end. */
    public static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }

    /** {@code 20}, or {@code 2.50}: whole points without decimals. */
    public static String text(double points) {
        return Math.rint(points) == points ? String.valueOf((long) points) : String.format(Locale.ROOT, "%.2f", points);
    }
}
