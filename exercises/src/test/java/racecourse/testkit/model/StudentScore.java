package racecourse.testkit.model;

import java.util.List;
import java.util.Map;

/**
 * Everything graded for one student.
 *
 * @param verdict graded, refused (the submission could not be read), or error (the grader failed: its fault)
 * @param problems lines about the submission as a whole (refused archive, duplicates, timeouts)
 * @param phaseMillis where the time went: intake, compile (with the contract check), run (the test
 *     JVMs), coverage
 */
public record StudentScore(String id, Verdict verdict, double score, double max, Map<String, ExerciseScore> exercises,
        List<String> problems, long millis, Map<String, Long> phaseMillis) {

    public StudentScore {
        // In the course's order (counter first), as the grader built it: pages and CSV list them so.
        exercises = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exercises));
        problems = List.copyOf(problems);
        phaseMillis = phaseMillis == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMillis));
    }

    /** The same score with the time one more phase took (intake is timed by the caller). */
    public StudentScore withPhase(String phase, long phaseTime) {
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        phases.put(phase, phaseTime);
        phases.putAll(phaseMillis);
        return new StudentScore(id, verdict, score, max, exercises, problems, millis + phaseTime, phases);
    }
}
