package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A one-slot mailbox on {@code synchronized} + {@code wait}/{@code notifyAll} of a private
 * monitor. Producers and consumers share the monitor, so every change wakes everybody and each
 * waiter re-checks the slot in a {@code while} loop.
 *
 * <p>{@code poll(timeout)} computes a {@link System#nanoTime()} deadline and waits the remaining
 * nanoseconds with {@code wait(millis, nanos)}, re-computing after every wake-up (spurious or not).
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    private final Object monitor = new Object();
    private T item; // guarded by monitor; null = empty

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            while (this.item != null) {
                monitor.wait();
            }
            this.item = item;
            monitor.notifyAll();
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        synchronized (monitor) {
            while (item == null) {
                monitor.wait();
            }
            return removeLocked();
        }
    }

    /** Puts the item if the slot is empty. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            if (this.item != null) {
                return false;
            }
            this.item = item;
            monitor.notifyAll();
            return true;
        }
    }

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        synchronized (monitor) {
            return item == null ? null : removeLocked();
        }
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        final long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            if (item != null) {
                return removeLocked();
            }
            if (nanos <= 0L) {
                return null;
            }
            final long deadline = System.nanoTime() + nanos; // may wrap; differences stay correct
            long remaining = nanos;
            while (item == null) {
                if (remaining <= 0L) {
                    return null;
                }
                waitNanos(monitor, remaining);
                remaining = deadline - System.nanoTime();
            }
            return removeLocked();
        }
    }

    /** Caller holds the monitor and the slot is full. */
    private T removeLocked() {
        T x = item;
        item = null;
        monitor.notifyAll();
        return x;
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
