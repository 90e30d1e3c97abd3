package racecourse.grader.run;

import java.time.Duration;
import java.util.Objects;

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

    /**
     * The reason in words for the student's report; empty when the run finished. The only place that
     * words an {@link EndReason}: code that acts on the reason switches on the enum, never on this text.
     */
    // Reword with care: the test kit's page still picks its hints from these words ("the test JVM ran out of
    // memory", "System.exit or"), because the reason does not yet travel to it beside the message.
    public String sentence() {
        switch (reason) {
            case FINISHED:
                return "";
            case LEFTOVER_THREADS:
                return "the " + exercise + " exercise left threads running on a core after its tests (" + threads
                        + "), so the other exercises' timed tests would have run against them";
            case TIME_CAP:
                return "the test run passed its time cap of " + capSeconds + " s and was stopped (a hang or an endless loop?)";
            case THREAD_LIMIT:
                return "the code had " + liveThreads + " threads alive at once (the limit is " + ChildMain.MAX_THREADS
                        + "); the test JVM was stopped";
            case OUT_OF_MEMORY:
                return "the test JVM ran out of memory (exit code " + exitCode + ")";
            case EXITED_EARLY:
                return "the test JVM ended before the tests were done (exit code " + exitCode + "): the code may call"
                        + " System.exit or Runtime.halt, or stop the test runner's threads";
            default:
                throw new IllegalStateException("no sentence for " + reason);
        }
    }
}
