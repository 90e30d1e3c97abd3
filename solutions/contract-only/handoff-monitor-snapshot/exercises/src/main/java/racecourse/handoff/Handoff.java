package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/** The slot guarded by this object's monitor; notifyAll on every change; timed waits with a nanoTime deadline. */
public class Handoff<T> {
    private Object slot; // null when empty
    private long puts;
    private long takes;

    public synchronized void put(T item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("null item");
        }
        while (slot != null) {
            wait();
        }
        slot = item;
        puts++;
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (slot == null) {
            wait();
        }
        return removeLocked();
    }

    public synchronized boolean offer(T item) {
        if (item == null) {
            throw new NullPointerException("null item");
        }
        if (slot != null) {
            return false;
        }
        slot = item;
        puts++;
        notifyAll();
        return true;
    }

    public synchronized T poll() {
        return slot == null ? null : removeLocked();
    }

    public synchronized T poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        final long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        while (slot == null) {
            final long left = deadline - System.nanoTime();
            if (left <= 0L) {
                return null;
            }
            wait(left / 1_000_000L, (int) (left % 1_000_000L));
        }
        return removeLocked();
    }

    @SuppressWarnings("unchecked")
    private T removeLocked() {
        T item = (T) slot;
        slot = null;
        takes++;
        notifyAll();
        return item;
    }
}
