package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot mailbox: a producer puts one item, a consumer takes it.
 *
 * <p>One lock, two conditions: producers wait in {@code notFull}, consumers in {@code notEmpty}.
 * Every change of the slot signals the other side.
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private T slot; // guarded by lock; null means empty

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
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

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (slot == null) {
                notEmpty.await();
            }
            return removeItem();
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
            if (slot == null) {
                return null;
            }
            return removeItem();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (slot == null) {
                if (!notEmpty.await(timeout, unit)) {
                    break; // timed out
                }
            }
            if (slot == null) {
                return null;
            }
            return removeItem();
        } finally {
            lock.unlock();
        }
    }

    // caller holds the lock and has checked that the slot is full
    private T removeItem() {
        T item = slot;
        slot = null;
        notFull.signal();
        return item;
    }
}
