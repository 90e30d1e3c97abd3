package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}, built on
 * {@code synchronized} + {@code wait}/{@code notifyAll} on a private monitor.
 *
 * <p>{@code set()} increments a generation counter as well as raising the flag. A waiter records
 * the generation when it starts and leaves as soon as the flag is on or the generation changed,
 * so a {@code set()} immediately followed by {@code clear()} still releases every thread that was
 * waiting at the moment of the {@code set()}.
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
            if (flag) {
                return;
            }
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
            final long deadline = System.nanoTime() + nanos;
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                // remaining > 0, so this never becomes wait(0) ("forever")
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                if (flag || generation != start) {
                    return true;
                }
            }
        }
    }
}
