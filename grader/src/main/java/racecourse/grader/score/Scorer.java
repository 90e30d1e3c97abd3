package racecourse.grader.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.TestScore;
import racecourse.grader.run.TestInventory;
import racecourse.grader.run.TestResult;
import racecourse.testkit.Diagnoses;
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
            boolean hidden = isHidden(inventory, s.outcome().testKey());
            TestResult r = results.get(s.outcome().testKey());
            String status = r == null || r.status() == TestResult.Status.MISSING ? "missing" : r.passed() ? "passed" : "failed";
            String message = r == null ? missingReason : r.message();
            tests.add(new TestScore(s.outcome().testKey(), exercise, s.outcome().category(), status, s.earned(), s.max(),
                    r == null ? 0 : r.millis(), message == null ? "" : message, r == null ? "" : r.output(),
                    rubric.visibility(exercise, s.outcome().category(), s.outcome().testKey(), hidden),
                    r == null ? null : r.speedup(), hidden,
                    r == null || r.passed() ? Set.of() : Diagnoses.inCategory(r.diagnoses(), s.outcome().category())));
        }
        return Points.exercise(exercise, "graded", tests, List.of());
    }

    /** An exercise that could not run (missing, compile error, API mismatch): every test fails with the reason. */
    public ExerciseScore notRun(String exercise, String status, List<TestInventory.Entry> inventory, String reason,
            List<String> diagnostics) {
        List<Scoring.Outcome> outcomes = inventory.stream()
                .map(e -> new Scoring.Outcome(e.exercise(), e.category(), e.key(), false)).toList();
        List<TestScore> tests = new ArrayList<>();
        for (Scoring.Scored s : Scoring.score(rubric, outcomes)) {
            boolean hidden = isHidden(inventory, s.outcome().testKey());
            tests.add(new TestScore(s.outcome().testKey(), exercise, s.outcome().category(), "failed", 0, s.max(), 0, reason, "",
                    rubric.visibility(exercise, s.outcome().category(), s.outcome().testKey(), hidden), null, hidden, Set.of()));
        }
        return Points.exercise(exercise, status, tests, diagnostics);
    }

    // The grader's own discovery says which tests are hidden, also for an exercise that never ran.
    private static boolean isHidden(List<TestInventory.Entry> inventory, String testKey) {
        return inventory.stream().anyMatch(e -> e.key().equals(testKey) && e.hidden());
    }

}
