package racecourse.runner;

import java.util.Set;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.Speedup;

/**
 * One test's result as the child JVM reported it.
 *
 * @param key {@code <class>.<method>}, the rubric's name for the test
 * @param status PASSED, FAILED, or MISSING when the child ended before reporting it
 * @param message the failure message for the student (empty when passed)
 * @param output what the test printed to System.out and System.err, capped
 * @param speedup the speed-up the test measured and published (shown, never scored); null for other tests
 * @param hidden an instructor-only test (hidden/), as the child discovered it
 * @param diagnoses what the failure's exceptions, or the way the run ended, say about the bug
 */
public record TestResult(String key, String exercise, String category, Status status, long millis, String message,
        String output, Speedup speedup, boolean hidden, Set<Diagnosis> diagnoses) {

    public enum Status { PASSED, FAILED, MISSING }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
