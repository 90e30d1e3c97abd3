package racecourse.handoff;

// BUG VARIANT Handoff_02_NotifyNotNotifyAll: one monitor shared by producers and consumers, woken with notify(): a wake-up can reach the wrong side and everyone sleeps

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Reference solution: one lock, one condition per direction, so a signal always reaches the right side. */
public class Handoff<T> {

    private T slot;

    public synchronized void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        while (slot != null) {
            wait();
        }
        slot = item;
        notify();
    }

    public synchronized T take() throws InterruptedException {
        while (slot == null) {
            wait();
        }
        T item = slot;
        slot = null;
        notify();
        return item;
    }

    public synchronized boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        if (slot != null) {
            return false;
        }
        slot = item;
        notify();
        return true;
    }

    public synchronized T poll() {
        T item = slot;
        slot = null;
        if (item != null) {
            notify();
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
