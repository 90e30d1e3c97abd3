package racecourse.handoff;

// BUG VARIANT Handoff_09_SubMillisecondPollWaitsForever: poll(timeout) works in whole milliseconds, so below 1 ms it calls wait(0), which waits for ever

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Reference solution (as a monitor): synchronized methods, wait() in while loops, notifyAll() on every change. */
public class Handoff<T> {

    private T slot;

    public synchronized void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        while (slot != null) {
            wait();
        }
        slot = item;
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (slot == null) {
            wait();
        }
        return empty();
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
        return slot == null ? null : empty();
    }

    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (timeout <= 0) {
            return poll();
        }
        long ms = unit.toMillis(timeout); // 500 µs or 1 ns truncate to 0 ms
        long deadline = System.currentTimeMillis() + ms;
        while (slot == null) {
            wait(ms); // wait(0) does not mean "no wait": it waits until notified, for ever on an empty slot
            ms = deadline - System.currentTimeMillis();
            if (slot == null && ms <= 0) {
                return null;
            }
        }
        return empty();
    }

    private T empty() {
        T item = slot;
        slot = null;
        notifyAll();
        return item;
    }
}
