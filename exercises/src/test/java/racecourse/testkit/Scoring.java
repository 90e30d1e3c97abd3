package racecourse.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns test outcomes into points with a {@link Rubric}: within a category, tests the rubric names
 * get their own points and the rest share what is left equally. Pure: no I/O, no clocks.
 */
public final class Scoring {

    /** One test's outcome, identified by exercise, category and {@code class.method} key. */
    public record Outcome(String exercise, String category, String testKey, boolean passed) {
    }

    /** One test's share of the points. */
    public record Scored(Outcome outcome, double max, double earned) {
    }

    private Scoring() {
    }

    public static List<Scored> score(Rubric rubric, List<Outcome> outcomes) {
        Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byCategory.computeIfAbsent(o.exercise() + "." + o.category(), k -> new ArrayList<>()).add(o);
        }
        List<Scored> scored = new ArrayList<>();
        for (List<Outcome> group : byCategory.values()) {
            double total = rubric.categoryPoints(group.get(0).exercise(), group.get(0).category());
            double fixed = 0;
            int shared = 0;
            for (Outcome o : group) {
                Double own = rubric.testPoints(o.testKey());
                if (own != null) {
                    fixed += own;
                } else {
                    shared++;
                }
            }
            double each = shared == 0 ? 0 : Math.max(0, total - fixed) / shared;
            for (Outcome o : group) {
                Double own = rubric.testPoints(o.testKey());
                double max = own != null ? own : each;
                scored.add(new Scored(o, max, o.passed() ? max : 0));
            }
        }
        return scored;
    }
}
