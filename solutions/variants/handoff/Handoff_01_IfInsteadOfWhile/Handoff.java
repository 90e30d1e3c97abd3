package racecourse.handoff;

// BUG VARIANT Handoff_01_IfInsteadOfWhile: a monitor with notifyAll, but put/take check their condition with if, not while

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Reference solution: one lock, one condition per direction, so a signal always reaches the right side. */
public class Handoff<T> {

    private T slot;

    public synchronized void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        if (slot != null) {
            wait();
        }
        slot = item;
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        if (slot == null) {
            wait();
        }
        T item = slot;
        slot = null;
        notifyAll();
        return item;
    }

    public synchronized boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        if (slot != null) {
            return false;
        }
        slot = item;
        notifyAll();
        return true;
    }

    public synchronized T poll() {
        T item = slot;
        slot = null;
        if (item != null) {
            notifyAll();
        }
        return item;
    }

    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (slot == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return poll();
    }
}
