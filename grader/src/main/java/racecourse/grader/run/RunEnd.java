package racecourse.grader.run;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.page.Sentences;
import racecourse.runner.ChildMain;

/**
 * How a child JVM ended: the reason and the numbers its report sentence names. Built through the
 * factories, one per {@link EndReason}; fields a reason does not use are zero or empty.
 *
 * @param exitCode the child's exit code; -1 when it was killed
 * @param capSeconds the time cap it passed ({@link EndReason#TIME_CAP})
 * @param liveThreads the threads alive when it halted ({@link EndReason#THREAD_LIMIT})
 * @param exercise the exercise that left threads running ({@link EndReason#LEFTOVER_THREADS})
 * @param threads those threads, described
 */
public record RunEnd(EndReason reason, int exitCode, long capSeconds, long liveThreads, String exercise, String threads) {

    public RunEnd {
        Objects.requireNonNull(reason);
        Objects.requireNonNull(exercise);
        Objects.requireNonNull(threads);
    }

    public static RunEnd finished(int exitCode) {
        return new RunEnd(EndReason.FINISHED, exitCode, 0, 0, "", "");
    }

    public static RunEnd leftoverThreads(int exitCode, String exercise, String threads) {
        return new RunEnd(EndReason.LEFTOVER_THREADS, exitCode, 0, 0, exercise, threads);
    }

    public static RunEnd timeCap(Duration cap) {
        return new RunEnd(EndReason.TIME_CAP, -1, cap.toSeconds(), 0, "", "");
    }

    public static RunEnd threadLimit(int exitCode, long liveThreads) {
        return new RunEnd(EndReason.THREAD_LIMIT, exitCode, 0, liveThreads, "", "");
    }

    public static RunEnd outOfMemory(int exitCode) {
        return new RunEnd(EndReason.OUT_OF_MEMORY, exitCode, 0, 0, "", "");
    }

    public static RunEnd exitedEarly(int exitCode) {
        return new RunEnd(EndReason.EXITED_EARLY, exitCode, 0, 0, "", "");
    }

    /** What the way the run ended says about the test that was running then (the page's hint). */
    public Set<Diagnosis> diagnoses() {
        return switch (reason) {
            case OUT_OF_MEMORY -> EnumSet.of(Diagnosis.OUT_OF_MEMORY);
            case EXITED_EARLY -> EnumSet.of(Diagnosis.EXITED_EARLY);
            default -> EnumSet.noneOf(Diagnosis.class);
        };
    }

    /**
     * The reason in words for the student's report, in the run's language; empty when the run finished. The
     * only place that words an {@link EndReason}: code that acts on the reason switches on the enum.
     */
    public String sentence(Sentences sentences) {
        return switch (reason) {
            case FINISHED -> "";
            case LEFTOVER_THREADS -> sentences.say("grader.end.leftoverThreads", exercise, threads);
            case TIME_CAP -> sentences.say("grader.end.timeCap", capSeconds);
            case THREAD_LIMIT -> sentences.say("grader.end.threadLimit", liveThreads, ChildMain.MAX_THREADS);
            case OUT_OF_MEMORY -> sentences.say("grader.end.outOfMemory", exitCode);
            case EXITED_EARLY -> sentences.say("grader.end.exitedEarly", exitCode);
        };
    }
}
