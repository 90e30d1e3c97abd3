package racecourse.testkit.model;

import java.util.List;
import java.util.Map;

/**
 * One exercise of one student.
 *
 * @param status graded, missing (no sources), compile-error, api-mismatch (a contract member is
 *     missing or changed), or not-run (the submission was refused); JSON holds the word
 * @param diagnostics javac's errors or the API problems, for the report
 * @param coverage the lines of the student's sources the tests ran; null when the tests did not run
 *     or the run ended without writing it (killed at the cap, halted)
 */
public record ExerciseScore(String exercise, ExerciseStatus status, double score, double max,
        Map<String, CategoryScore> categories, List<TestScore> tests, List<String> diagnostics, Coverage coverage) {

    public ExerciseScore {
        categories = Map.copyOf(categories);
        tests = List.copyOf(tests);
        diagnostics = List.copyOf(diagnostics);
    }

    public ExerciseScore withCoverage(Coverage measured) {
        return new ExerciseScore(exercise, status, score, max, categories, tests, diagnostics, measured);
    }
}
