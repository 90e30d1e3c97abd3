package racecourse.grader.score;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;
import racecourse.grader.run.TestInventory;
import racecourse.runner.TestResult;
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
            String message = r == null ? missingReason : r.message();
            tests.add(new TestScore(s.outcome().testKey(), exercise, s.outcome().category(), statusOf(r), s.earned(), s.max(),
                    r == null ? 0 : r.millis(), message == null ? "" : message, r == null ? "" : r.output(),
                    rubric.visibility(exercise, s.outcome().category(), s.outcome().testKey(), hidden),
                    r == null ? null : r.speedup(), hidden,
                    r == null || r.passed() ? Set.of() : Diagnoses.inCategory(r.diagnoses(), s.outcome().category())));
        }
        return Points.exercise(exercise, ExerciseStatus.GRADED, tests, List.of());
    }

    /** An exercise that could not run (missing, compile error, API mismatch): every test fails with the reason. */
    public ExerciseScore notRun(String exercise, ExerciseStatus status, List<TestInventory.Entry> inventory, String reason,
            List<String> diagnostics) {
        List<Scoring.Outcome> outcomes = inventory.stream()
                .map(e -> new Scoring.Outcome(e.exercise(), e.category(), e.key(), false)).toList();
        List<TestScore> tests = new ArrayList<>();
        for (Scoring.Scored s : Scoring.score(rubric, outcomes)) {
            boolean hidden = isHidden(inventory, s.outcome().testKey());
            tests.add(new TestScore(s.outcome().testKey(), exercise, s.outcome().category(), TestStatus.FAILED, 0, s.max(), 0, reason, "",
                    rubric.visibility(exercise, s.outcome().category(), s.outcome().testKey(), hidden), null, hidden, Set.of()));
        }
        return Points.exercise(exercise, status, tests, diagnostics);
    }

    /**
     * A student graded before, scored again by this rubric (for {@code rescore}): every test keeps its status,
     * message, output, time and hidden mark; its points, max and visibility are this rubric's, and so are the
     * sums. An exercise keeps its status, diagnostics and coverage; the student their verdict and problems.
     * The same numbers as a grading with this rubric: a stored exercise lists every test of the grader's
     * inventory, passed, failed or missing, as {@link #graded} and {@link #notRun} wrote them.
     */
    public StudentScore rescored(StudentScore stored) {
        Map<String, ExerciseScore> exercises = new LinkedHashMap<>();
        double score = 0;
        double max = 0;
        for (ExerciseScore e : stored.exercises().values()) {
            ExerciseScore again = rescored(e);
            exercises.put(e.exercise(), again);
            score += again.score();
            max += again.max();
        }
        return new StudentScore(stored.id(), stored.verdict(), Points.round(score), Points.round(max), exercises,
                stored.problems(), stored.millis(), stored.phaseMillis());
    }

    private ExerciseScore rescored(ExerciseScore stored) {
        // By identity: two tests may share a key (a class's method run twice), each keeps its own status.
        Map<Scoring.Outcome, TestScore> before = new IdentityHashMap<>();
        List<Scoring.Outcome> outcomes = new ArrayList<>();
        for (TestScore t : stored.tests()) {
            Scoring.Outcome o = new Scoring.Outcome(t.exercise(), t.category(), t.name(), t.status() == TestStatus.PASSED);
            before.put(o, t);
            outcomes.add(o);
        }
        List<TestScore> tests = new ArrayList<>();
        for (Scoring.Scored s : Scoring.score(rubric, outcomes)) {
            TestScore t = before.get(s.outcome());
            tests.add(new TestScore(t.name(), t.exercise(), t.category(), t.status(), s.earned(), s.max(), t.millis(),
                    t.message(), t.output(), rubric.visibility(t.exercise(), t.category(), t.name(), t.hidden()), t.speedup(),
                    t.hidden(), t.diagnoses()));
        }
        return Points.exercise(stored.exercise(), stored.status(), tests, stored.diagnostics()).withCoverage(stored.coverage());
    }

    // The child's protocol (TestResult.Status) is not the score records' type: one becomes the other here.
    private static TestStatus statusOf(TestResult r) {
        if (r == null || r.status() == TestResult.Status.MISSING) {
            return TestStatus.MISSING;
        }
        return r.passed() ? TestStatus.PASSED : TestStatus.FAILED;
    }

    // The grader's own discovery says which tests are hidden, also for an exercise that never ran.
    private static boolean isHidden(List<TestInventory.Entry> inventory, String testKey) {
        return inventory.stream().anyMatch(e -> e.key().equals(testKey) && e.hidden());
    }

}
