package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot mailbox on a {@link ReentrantLock} with two conditions: producers wait on
 * {@code notFull}, consumers on {@code notEmpty}.
 *
 * <p>Because the two kinds of waiter sit in separate waiting rooms, a single {@code signal()} is
 * enough: filling the slot can only help a consumer, emptying it can only help a producer, and one
 * item (or one free slot) can only be used by one thread. {@code Condition} never loses a signal to
 * a timeout or an interrupt (the signal passes to the next waiter), and a woken thread re-checks
 * the slot before acting, so a barging thread cannot make it act on a stale state.
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    private final Lock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private T item; // guarded by lock; null = empty

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (this.item != null) {
                try {
                    notFull.await();
                } catch (InterruptedException e) {
                    // Defensive: should this thread have used up a signal, hand it on.
                    if (this.item == null) {
                        notFull.signal();
                    }
                    throw e;
                }
            }
            fill(item);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (item == null) {
                try {
                    notEmpty.await();
                } catch (InterruptedException e) {
                    if (item != null) {
                        notEmpty.signal();
                    }
                    throw e;
                }
            }
            return empty();
        } finally {
            lock.unlock();
        }
    }

    /** Puts the item if the slot is empty. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (this.item != null) {
                return false;
            }
            fill(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        lock.lock();
        try {
            return item == null ? null : empty();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (item == null) {
                if (nanos <= 0L) {
                    return null;
                }
                try {
                    nanos = notEmpty.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    if (item != null) {
                        notEmpty.signal();
                    }
                    throw e;
                }
            }
            return empty();
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock and the slot is empty. */
    private void fill(T x) {
        item = x;
        notEmpty.signal();
    }

    /** Caller holds the lock and the slot is full. */
    private T empty() {
        T x = item;
        item = null;
        notFull.signal();
        return x;
    }
}
