package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}.
 *
 * <p>Ticket watermark: a thread that has to wait draws a ticket (a running number); {@code set()}
 * raises a watermark to the next ticket not yet drawn, which releases every thread waiting at that
 * moment, whatever {@code clear()} does afterwards. Later waiters draw higher tickets and are not
 * released by an old {@code set()}. All state is guarded by a private monitor.
 */
public class Event {

    private final Object monitor = new Object();
    private boolean flag;
    /** The ticket the next waiting thread draws. */
    private long nextTicket;
    /** Every waiter holding a ticket below this was released by a set(). */
    private long releasedBelow;

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        synchronized (monitor) {
            flag = true;
            releasedBelow = nextTicket;
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
            long ticket = nextTicket++;
            while (!flag && ticket >= releasedBelow) {
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
        long total = unit.toNanos(timeout);
        synchronized (monitor) {
            if (flag) {
                return true;
            }
            if (total <= 0L) {
                return false;
            }
            long ticket = nextTicket++;
            long start = System.nanoTime();
            while (true) {
                if (flag || ticket < releasedBelow) {
                    return true;
                }
                // total > 0 and elapsed >= 0: no overflow, even for Long.MAX_VALUE
                long left = total - (System.nanoTime() - start);
                if (left <= 0L) {
                    return false;
                }
                // wait(ms, ns) rounds a sub-millisecond remainder up, never down to wait(0)
                monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
        }
    }
}
