package racecourse.handoff;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One-slot mailbox with "specific notification": every blocked thread waits on a Condition of its own,
 * queued in arrival order (a deque of waiting takers, one of waiting putters). A state change signals
 * only the oldest waiter of the other side. Waiters always re-check the slot before giving up, and a
 * waiter that leaves without using its turn (interrupt, timeout) hands the turn to the next in line.
 * Barging by offer()/poll() is allowed (no fairness promised).
 */
public class Handoff<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Condition> takers = new ArrayDeque<>();  // guarded by lock
    private final ArrayDeque<Condition> putters = new ArrayDeque<>(); // guarded by lock
    private T slot; // guarded by lock

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            if (slot != null) {
                Condition me = lock.newCondition();
                putters.addLast(me);
                boolean done = false;
                try {
                    while (slot != null) {
                        me.await();
                    }
                    done = true;
                } finally {
                    putters.remove(me);
                    if (!done && slot == null) {
                        wakeHead(putters); // pass on a turn we may have been given
                    }
                }
            }
            slot = item;
            wakeHead(takers);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (slot == null) {
                Condition me = lock.newCondition();
                takers.addLast(me);
                boolean done = false;
                try {
                    while (slot == null) {
                        me.await();
                    }
                    done = true;
                } finally {
                    takers.remove(me);
                    if (!done && slot != null) {
                        wakeHead(takers);
                    }
                }
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
            wakeHead(takers);
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
        final long deadline = System.nanoTime() + nanos;
        lock.lockInterruptibly();
        try {
            if (slot == null) {
                if (nanos <= 0L) {
                    return null;
                }
                Condition me = lock.newCondition();
                takers.addLast(me);
                boolean done = false;
                try {
                    while (slot == null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0L) {
                            break;
                        }
                        me.awaitNanos(left);
                    }
                    done = true;
                } finally {
                    takers.remove(me);
                    if (!done && slot != null) {
                        wakeHead(takers);
                    }
                }
                if (slot == null) {
                    return null; // timed out
                }
            }
            return removeLocked();
        } finally {
            lock.unlock();
        }
    }

    private T removeLocked() {
        T x = slot;
        slot = null;
        wakeHead(putters);
        return x;
    }

    private static void wakeHead(ArrayDeque<Condition> queue) {
        Condition head = queue.peekFirst();
        if (head != null) {
            head.signal();
        }
    }
}
