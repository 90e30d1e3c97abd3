package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Reference solution: one lock, one condition per direction, so a signal always reaches the right side. */
public class Handoff<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private T slot;

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (slot != null) {
                notFull.await();
            }
            fill(item);
        } finally {
            lock.unlock();
        }
    }

    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (slot == null) {
                notEmpty.await();
            }
            return empty();
        } finally {
            lock.unlock();
        }
    }

    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (slot != null) {
                return false;
            }
            fill(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    public T poll() {
        lock.lock();
        try {
            return slot == null ? null : empty();
        } finally {
            lock.unlock();
        }
    }

    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (slot == null) {
                long now = System.nanoTime();
                // BUG: now + Long.MAX_VALUE overflowed to a negative deadline, so the longest timeouts end at once.
                if (now >= deadline) {
                    return null;
                }
                notEmpty.awaitNanos(deadline - now);
            }
            return empty();
        } finally {
            lock.unlock();
        }
    }

    private void fill(T item) {
        slot = item;
        notEmpty.signal();
    }

    private T empty() {
        T item = slot;
        slot = null;
        notFull.signal();
        return item;
    }
}
