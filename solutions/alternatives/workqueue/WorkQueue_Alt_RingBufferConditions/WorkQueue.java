package racecourse.workqueue;

import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}:
 * a fixed array used as a ring buffer, guarded by one {@link ReentrantLock} with three conditions
 * ({@code notFull} for producers, {@code notEmpty} for consumers, {@code allDone} for joiners).
 *
 * <p>Each kind of waiter has its own waiting room, so adding an item {@code signal()}s one
 * consumer, removing one {@code signal()}s one producer, and the last {@code taskDone()}
 * {@code signalAll()}s every joiner.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final Condition allDone = lock.newCondition();

    private final Object[] ring; // guarded by lock
    private int head;            // index of the next item to take
    private int tail;            // index of the next free cell
    private int count;           // items currently in the ring
    private long unfinished;     // items put/offered and not yet marked taskDone

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        ring = new Object[capacity];
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (count == ring.length) {
                try {
                    notFull.await();
                } catch (InterruptedException e) {
                    if (count < ring.length) {
                        notFull.signal(); // defensive: never swallow a wake-up meant for a producer
                    }
                    throw e;
                }
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                try {
                    notEmpty.await();
                } catch (InterruptedException e) {
                    if (count > 0) {
                        notEmpty.signal(); // defensive: never swallow a wake-up meant for a consumer
                    }
                    throw e;
                }
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (count == ring.length) {
                return false;
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        lock.lock();
        try {
            return count == 0 ? null : dequeue();
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
            if (unfinished == 0L) {
                throw new IllegalStateException("taskDone() called more times than there were items");
            }
            unfinished--;
            if (unfinished == 0L) {
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
            while (unfinished > 0L) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock and {@code count < ring.length}. */
    private void enqueue(T item) {
        ring[tail] = item;
        tail = (tail + 1 == ring.length) ? 0 : tail + 1;
        count++;
        unfinished++;
        notEmpty.signal();
    }

    /** Caller holds the lock and {@code count > 0}. */
    private T dequeue() {
        @SuppressWarnings("unchecked")
        T item = (T) ring[head];
        ring[head] = null; // let the item be collected
        head = (head + 1 == ring.length) ? 0 : head + 1;
        count--;
        notFull.signal();
        return item;
    }
}
