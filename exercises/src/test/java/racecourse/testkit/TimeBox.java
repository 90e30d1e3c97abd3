package racecourse.testkit;

import java.time.Duration;

/**
 * A time budget for the operation loops of a stress test, checked once per operation: a loop runs
 * its operations until it has done them all or the box closes, and the test checks exactly what
 * was done. So a correct but slow design (a fair lock on one core hands the lock over with a
 * context switch per call) finishes fewer operations instead of timing out.
 *
 * <p>{@link #open()} is a volatile read: the JIT can neither keep a racy counter in a register
 * across it nor merge the loop's increments into one write, so lost updates stay visible.
 */
public final class TimeBox {

    private volatile boolean closed;

    private TimeBox() {
    }

    /** A box that closes {@code budget} after now. */
    public static TimeBox of(Duration budget) {
        TimeBox box = new TimeBox();
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(budget.toMillis());
            } catch (InterruptedException ignored) {
                // closing early is fine
            }
            box.closed = true;
        }, "racecourse-timebox");
        timer.setDaemon(true);
        timer.start();
        return box;
    }

    /** True while operations may go on. */
    public boolean open() {
        return !closed;
    }
}
