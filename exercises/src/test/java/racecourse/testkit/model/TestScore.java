package racecourse.testkit.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One test's result and points.
 *
 * @param status passed, failed, or missing (no result: the run was stopped or crashed first); JSON holds the word
 * @param output what the test printed (System.out and System.err), capped; empty when nothing
 * @param visibility when the student sees the result (the rubric's setting, Gradescope's values)
 * @param speedup what the test measured and published, shown and never scored; null for almost every test
 * @param hidden an instructor-only test: its points count, its name and result are shown after the deadline
 * @param diagnoses what the test kit or the grader found about a failure, as types (the page's hints); empty when
 *     passed or when nothing is known
 */
public record TestScore(String name, String exercise, String category, TestStatus status, double score, double max,
        long millis, String message, String output, String visibility, Speedup speedup, boolean hidden,
        Set<Diagnosis> diagnoses) {

    public TestScore {
        // Results stored before diagnoses were recorded read as none.
        EnumSet<Diagnosis> copy = EnumSet.noneOf(Diagnosis.class);
        if (diagnoses != null) {
            copy.addAll(diagnoses);
        }
        diagnoses = Collections.unmodifiableSet(copy);
    }
}
