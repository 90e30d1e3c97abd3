package racecourse.grader;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The slow tests share two cores in two lanes (junit-platform.properties): the detection check in
 * one, the end-to-end classes in the other. A racy variant (an unguarded count, lost updates) is only
 * caught when its threads really run at the same time, which a busy machine makes rare: in builds with
 * both lanes at full load, Gather_01 and Barrier_04 went uncaught. So the detection check grades such a
 * variant again when it was not caught, once the end-to-end classes are over ({@link EndToEndLane} says
 * when). They were graded first once, with the end-to-end classes waiting for them, and then all last: both
 * left the machine half idle for minutes (some racy variants wait on watchdogs).
 */
public final class BuildLanes {

    private static final CountDownLatch END_TO_END_CLASSES_DONE = new CountDownLatch(1);

    private BuildLanes() {
    }

    /** Called once every end-to-end class of this run has finished (or when there is none). */
    public static void endToEndClassesDone() {
        END_TO_END_CLASSES_DONE.countDown();
    }

    /** True once the end-to-end classes are over; always outside the build's end-to-end run (racecourse.lanes=on),
     * where nothing says when they are (a class run from an IDE, one after another, must not wait for them). */
    public static boolean endToEndClassesAreDone() {
        return !"on".equals(System.getProperty("racecourse.lanes")) || END_TO_END_CLASSES_DONE.getCount() == 0;
    }

    /** Waits, at most {@code limit}, for the end-to-end classes; true if they are done. */
    public static boolean awaitEndToEndClassesDone(Duration limit) throws InterruptedException {
        return END_TO_END_CLASSES_DONE.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
