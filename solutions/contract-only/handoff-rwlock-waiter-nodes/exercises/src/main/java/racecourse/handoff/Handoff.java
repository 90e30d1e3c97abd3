package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One-slot mailbox on a ReentrantLock with two conditions. Each state change wakes a single waiter of
 * the other side with signal(); a waiter that leaves because of an interrupt passes a wake-up it may
 * have consumed on to the next waiter of its own side (JCIP style), so no wake-up is lost.
 */
public class Handoff<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private T slot; // guarded by lock

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            try {
                while (slot != null) {
                    notFull.await();
                }
            } catch (InterruptedException e) {
                if (slot == null) {
                    notFull.signal();
                }
                throw e;
            }
            slot = item;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            try {
                while (slot == null) {
                    notEmpty.await();
                }
            } catch (InterruptedException e) {
                if (slot != null) {
                    notEmpty.signal();
                }
                throw e;
            }
            return removeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Puts the item if the slot is empty. Null: NullPointerException. @return false when full */
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

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        lock.lock();
        try {
            return slot == null ? null : removeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            try {
                while (slot == null) {
                    if (nanos <= 0L) {
                        return null;
                    }
                    nanos = notEmpty.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                if (slot != null) {
                    notEmpty.signal();
                }
                throw e;
            }
            return removeLocked();
        } finally {
            lock.unlock();
        }
    }

    private T removeLocked() {
        T x = slot;
        slot = null;
        notFull.signal();
        return x;
    }
}
