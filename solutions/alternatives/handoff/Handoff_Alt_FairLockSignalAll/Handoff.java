package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot mailbox on a fair {@link ReentrantLock} with a single {@link Condition}
 * ({@code changed}) shared by producers and consumers.
 *
 * <p>Since both kinds of waiter share one waiting room, every state change wakes all of them with
 * {@code signalAll()}; each re-checks the slot in a {@code while} loop and goes back to sleep if
 * the change was not for it.
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    private final Lock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private T item; // guarded by lock; null = empty

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (this.item != null) {
                changed.await();
            }
            this.item = item;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (item == null) {
                changed.await();
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
            if (this.item != null) {
                return false;
            }
            this.item = item;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        lock.lock();
        try {
            return item == null ? null : removeLocked();
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
                nanos = changed.awaitNanos(nanos);
            }
            return removeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock and the slot is full. */
    private T removeLocked() {
        T x = item;
        item = null;
        changed.signalAll();
        return x;
    }
}
