package racecourse.grader.compile;

import java.util.List;
import java.util.Map;

/**
 * The types the contract gives (ReturnWhen, WaitResult, Outcome): the grader compiles its own copies,
 * whatever a submission holds, so a student's copy of one is not the student's work.
 */
public final class GivenTypes {

    private static final Map<String, List<String>> FILES = Map.of(
            "pool", List.of("ReturnWhen.java", "WaitResult.java"),
            "gather", List.of("Outcome.java"));

    private GivenTypes() {
    }

    /** The given types' file names in {@code exercise}'s package; empty for most exercises. */
    public static List<String> of(String exercise) {
        return FILES.getOrDefault(exercise, List.of());
    }
}
