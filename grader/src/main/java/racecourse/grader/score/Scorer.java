package racecourse.grader.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import racecourse.grader.model.CategoryScore;
import racecourse.grader.model.ExerciseScore;
import racecourse.grader.model.TestScore;
import racecourse.grader.run.TestInventory;
import racecourse.grader.run.TestResult;
import racecourse.testkit.Rubric;
import racecourse.testkit.Scoring;

/** Rubric × results -> points, per test, category and exercise. Pure: no I/O. */
public final class Scorer {

    private final Rubric rubric;

    public Scorer(Rubric rubric) {
        this.rubric = rubric;
    }

    /** An exercise whose tests ran: each inventory test takes its result, or counts as missing. */
    public ExerciseScore graded(String exercise, List<TestInventory.Entry> inventory, Map<String, TestResult> results,
            String missingReason) {
        List<Scoring.Outcome> outcomes = new ArrayList<>();
        for (TestInventory.Entry e : inventory) {
            TestResult r = results.get(e.key());
            outcomes.add(new Scoring.Outcome(e.exercise(), e.category(), e.key(), r != null && r.passed()));
        }
        List<TestScore> tests = new ArrayList<>();
        for (Scoring.Scored s : Scoring.score(rubric, outcomes)) {
            TestResult r = results.get(s.outcome().testKey());
            String status = r == null || r.status() == TestResult.Status.MISSING ? "missing" : r.passed() ? "passed" : "failed";
            String message = r == null ? missingReason : r.message();
            tests.add(new TestScore(s.outcome().testKey(), exercise, s.outcome().category(), status, s.earned(), s.max(),
                    r == null ? 0 : r.millis(), message == null ? "" : message, r == null ? "" : r.output(),
                    rubric.visibility(exercise, s.outcome().category(), s.outcome().testKey())));
        }
        return summarize(exercise, "graded", tests, List.of());
    }

    /** An exercise that could not run (missing, compile error, API mismatch): every test fails with the reason. */
    public ExerciseScore notRun(String exercise, String status, List<TestInventory.Entry> inventory, String reason,
            List<String> diagnostics) {
        List<Scoring.Outcome> outcomes = inventory.stream()
                .map(e -> new Scoring.Outcome(e.exercise(), e.category(), e.key(), false)).toList();
        List<TestScore> tests = new ArrayList<>();
        for (Scoring.Scored s : Scoring.score(rubric, outcomes)) {
            tests.add(new TestScore(s.outcome().testKey(), exercise, s.outcome().category(), "failed", 0, s.max(), 0, reason, "",
                    rubric.visibility(exercise, s.outcome().category(), s.outcome().testKey())));
        }
        return summarize(exercise, status, tests, diagnostics);
    }

    private static ExerciseScore summarize(String exercise, String status, List<TestScore> tests, List<String> diagnostics) {
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
        return new ExerciseScore(exercise, status, round(score), round(max), byCategory, tests, diagnostics, null);
    }

    /** Points are shown to two decimals; sums are rounded once, at the end. */
    public static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
