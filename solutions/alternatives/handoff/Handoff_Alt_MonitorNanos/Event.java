package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}, on
 * {@code synchronized} + {@code wait}/{@code notifyAll}.
 *
 * <p>Timed waits run against a {@link System#nanoTime()} deadline and sleep with
 * {@code wait(millis, nanos)}, so sub-millisecond timeouts are honoured (never rounded down to a
 * {@code wait(0)}, which would mean "forever"). A generation counter bumped by {@code set()} lets a
 * {@code set(); clear();} pair still release every thread waiting at the time of the {@code set()}.
 */
public class Event {

    private final Object monitor = new Object();
    private boolean flag;    // guarded by monitor
    private long generation; // guarded by monitor

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        synchronized (monitor) {
            flag = true;
            generation++;
            monitor.notifyAll();
        }
    }

    /** Turns the flag off. */
    public void clear() {
        synchronized (monitor) {
            flag = false;
        }
    }

    /** Whether the flag is on. */
    public boolean isSet() {
        synchronized (monitor) {
            return flag;
        }
    }

    /** Waits until the flag is on; returns at once when it already is. */
    public void await() throws InterruptedException {
        synchronized (monitor) {
            final long start = generation;
            while (!flag && generation == start) {
                monitor.wait();
            }
        }
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @return true when the flag was set (or a set() woke this thread), false on timeout;
     *     a zero timeout does not wait
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        final long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            if (flag) {
                return true;
            }
            if (nanos <= 0L) {
                return false;
            }
            final long start = generation;
            final long deadline = System.nanoTime() + nanos; // may wrap; differences stay correct
            long remaining = nanos;
            while (remaining > 0L) {
                waitNanos(monitor, remaining);
                if (flag || generation != start) {
                    return true;
                }
                remaining = deadline - System.nanoTime();
            }
            return false;
        }
    }

    /**
     * {@code monitor.wait} for about {@code nanos} (positive). Splits into {@code wait(millis,
     * nanos)}; with a positive nanos part the JDK rounds up to at least one millisecond, so this
     * never turns into the unbounded {@code wait(0)}.
     */
    private static void waitNanos(Object monitor, long nanos) throws InterruptedException {
        if (nanos <= 0L) {
            return;
        }
        monitor.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
}
