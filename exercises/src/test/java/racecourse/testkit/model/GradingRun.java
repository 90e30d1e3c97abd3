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
 * @param rubric which rubric scored the students ({@code grade --rubric}, or a later {@code rescore}); null in a run
 *     recorded before the rubric was (and in a student's local run)
 * @param childClasspath what a child JVM had on its class path, in order: the runner's jars by file name, then
 *     {@link #STUDENT_CLASSES}; null in a run recorded before it was (and in a student's local run)
 */
public record GradingRun(long seed, String graderVersion, String javaVersion, String lang, String startedAt,
        long millis, List<String> exercises, List<String> skipped, List<StudentScore> students, String sandbox,
        String shard, Roster roster, boolean revealHidden, RubricSource rubric, List<String> childClasspath) {

    /** The last entry of {@link #childClasspath}: the student's compiled classes. */
    public static final String STUDENT_CLASSES = "<the student's classes>";

    public GradingRun {
        exercises = List.copyOf(exercises);
        skipped = List.copyOf(skipped);
        students = List.copyOf(students);
        childClasspath = childClasspath == null ? null : List.copyOf(childClasspath);
    }

    /** A run without a roster, its hidden tests not shown. */
    public GradingRun(long seed, String graderVersion, String javaVersion, String lang, String startedAt,
            long millis, List<String> exercises, List<String> skipped, List<StudentScore> students, String sandbox,
            String shard) {
        this(seed, graderVersion, javaVersion, lang, startedAt, millis, exercises, skipped, students, sandbox, shard, null,
                false, null, null);
    }

    /** A run whose rubric is not recorded. */
    public GradingRun(long seed, String graderVersion, String javaVersion, String lang, String startedAt,
            long millis, List<String> exercises, List<String> skipped, List<StudentScore> students, String sandbox,
            String shard, Roster roster, boolean revealHidden) {
        this(seed, graderVersion, javaVersion, lang, startedAt, millis, exercises, skipped, students, sandbox, shard, roster,
                revealHidden, null, null);
    }

    /** The same run with this roster (or none). */
    public GradingRun withRoster(Roster newRoster) {
        return new GradingRun(seed, graderVersion, javaVersion, lang, startedAt, millis, exercises, skipped, students,
                sandbox, shard, newRoster, revealHidden, rubric, childClasspath);
    }

    /** The same run, its students scored again by another rubric. */
    public GradingRun rescored(List<StudentScore> rescoredStudents, RubricSource by) {
        return new GradingRun(seed, graderVersion, javaVersion, lang, startedAt, millis, exercises, skipped, rescoredStudents,
                sandbox, shard, roster, revealHidden, by, childClasspath);
    }
}
