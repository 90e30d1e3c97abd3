package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** One-slot mailbox: a lock with two conditions; timed waits with awaitNanos loops. */
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
            slot = item;
            notEmpty.signal();
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
            return removeLocked();
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
            slot = item;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public T poll() {
        lock.lock();
        try {
            return slot == null ? null : removeLocked();
        } finally {
            lock.unlock();
        }
    }

    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (slot == null) {
                if (nanos <= 0L) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return removeLocked();
        } finally {
            lock.unlock();
        }
    }

    private T removeLocked() {
        T item = slot;
        slot = null;
        notFull.signal();
        return item;
    }
}
