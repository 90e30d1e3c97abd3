package racecourse.testkit;

import java.time.Duration;

/**
 * A time budget for the operation loops of a stress test, checked once per operation: a loop runs
 * its operations until it has done them all or the box closes, and the test checks exactly what
 * was done. So a correct but slow design (a fair lock on one core hands the lock over with a
 * context switch per call) finishes fewer operations instead of timing out.
 *
 * <p>The budget counts from the first {@link #open()} call, not from the box's creation: on a busy
 * machine the threads of a race can take longer to start than the whole budget, and a box that had
 * closed before any operation would let a racy design pass with nothing checked.
 *
 * <p>{@link #open()} is a volatile read: the JIT can neither keep a racy counter in a register
 * across it nor merge the loop's increments into one write, so lost updates stay visible.
 */
public final class TimeBox {

    private final Duration budget;
    private volatile boolean started;
    private volatile boolean closed;

    private TimeBox(Duration budget) {
        this.budget = budget;
    }

    /** A box that closes {@code budget} after its first {@link #open()} call. */
    public static TimeBox of(Duration budget) {
        return new TimeBox(budget);
    }

    /** True while operations may go on; the first call starts the clock. */
    public boolean open() {
        if (!started) {
            start();
        }
        return !closed;
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(budget.toMillis());
            } catch (InterruptedException ignored) {
                // closing early is fine
            }
            closed = true;
        }, "racecourse-timebox");
        timer.setDaemon(true);
        timer.start();
    }
}
