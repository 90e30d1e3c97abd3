package racecourse.grader.model;

import java.util.List;
import java.util.Map;

/**
 * Everything graded for one student.
 *
 * @param verdict graded, or error when the grader itself could not grade (our fault, not the student's)
 * @param problems lines about the submission as a whole (refused archive, duplicates, timeouts)
 */
public record StudentScore(String id, String verdict, double score, double max, Map<String, ExerciseScore> exercises,
        List<String> problems, long millis) {

    public StudentScore {
        exercises = Map.copyOf(exercises);
        problems = List.copyOf(problems);
    }
}
