package racecourse.testkit.model;

import java.util.List;

/**
 * A whole grading run: what summary.json holds.
 *
 * @param sandbox what kept the submissions' code in, or which protections were off
 * @param shard which part of the class this run graded, {@code K/N}; {@code 1/1} for the whole class
 * @param roster the class roster and how the submissions matched it; null when graded without {@code --roster}
 *     (and in a student's local run)
 * @param revealHidden the student pages show the hidden tests like the visible ones (after the deadline)
 */
public record GradingRun(long seed, String graderVersion, String javaVersion, String lang, String startedAt,
        long millis, List<String> exercises, List<String> skipped, List<StudentScore> students, String sandbox,
        String shard, Roster roster, boolean revealHidden) {

    public GradingRun {
        exercises = List.copyOf(exercises);
        skipped = List.copyOf(skipped);
        students = List.copyOf(students);
    }

    /** A run without a roster, its hidden tests not shown. */
    public GradingRun(long seed, String graderVersion, String javaVersion, String lang, String startedAt,
            long millis, List<String> exercises, List<String> skipped, List<StudentScore> students, String sandbox,
            String shard) {
        this(seed, graderVersion, javaVersion, lang, startedAt, millis, exercises, skipped, students, sandbox, shard, null,
                false);
    }

    /** The same run with this roster (or none). */
    public GradingRun withRoster(Roster newRoster) {
        return new GradingRun(seed, graderVersion, javaVersion, lang, startedAt, millis, exercises, skipped, students,
                sandbox, shard, newRoster, revealHidden);
    }
}
