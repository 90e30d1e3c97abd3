package racecourse.grader.model;

import java.util.List;

/** A whole grading run: what summary.json holds. */
public record GradingRun(long seed, String graderVersion, String javaVersion, String lang, String startedAt,
        long millis, List<String> exercises, List<String> skipped, List<StudentScore> students) {

    public GradingRun {
        exercises = List.copyOf(exercises);
        skipped = List.copyOf(skipped);
        students = List.copyOf(students);
    }
}
