package racecourse.workqueue;

import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounded FIFO on a ReentrantLock with three conditions (notEmpty, notFull, allDone). The storage is a
 * circular array that starts small and doubles on demand up to the capacity, so a huge capacity costs
 * nothing up front. put/take wake one waiter of the other side with signal(); a waiter that is
 * interrupted passes on a wake-up it may have consumed.
 */
public class WorkQueue<T> {

    private static final int INITIAL = 16;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition allDone = lock.newCondition();
    private final int capacity;
    private Object[] ring;   // guarded by lock
    private int head;        // index of the oldest item
    private int count;       // items in the ring
    private long unfinished; // items put/offered and not yet marked done

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new Object[Math.min(capacity, INITIAL)];
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            try {
                while (count == capacity) {
                    notFull.await();
                }
            } catch (InterruptedException e) {
                if (count < capacity) {
                    notFull.signal();
                }
                throw e;
            }
            enqueueLocked(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            try {
                while (count == 0) {
                    notEmpty.await();
                }
            } catch (InterruptedException e) {
                if (count > 0) {
                    notEmpty.signal();
                }
                throw e;
            }
            return dequeueLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (count == capacity) {
                return false;
            }
            enqueueLocked(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        lock.lock();
        try {
            return count == 0 ? null : dequeueLocked();
        } finally {
            lock.unlock();
        }
    }

    /** The number of items waiting in the queue. */
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished <= 0) {
                throw new IllegalStateException("taskDone() without a matching put");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void enqueueLocked(T item) {
        if (count == ring.length) {
            grow();
        }
        ring[(head + count) % ring.length] = item;
        count++;
        unfinished++;
        notEmpty.signal();
    }

    @SuppressWarnings("unchecked")
    private T dequeueLocked() {
        T item = (T) ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        notFull.signal();
        return item;
    }

    private void grow() {
        int newLength = (int) Math.min((long) capacity, Math.max(1L, (long) ring.length * 2));
        Object[] bigger = new Object[newLength];
        for (int i = 0; i < count; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }
}
