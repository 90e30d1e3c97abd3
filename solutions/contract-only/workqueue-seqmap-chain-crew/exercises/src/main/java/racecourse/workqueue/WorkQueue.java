package racecourse.workqueue;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}.
 *
 * <p>Build it on your own monitor or lock: no {@code java.util.concurrent} queues, executors or
 * synchronizers.
 *
 * <p>Design: every item gets a ticket (a {@code long} sequence number) and is kept in a
 * {@code HashMap} under that ticket; the queue is the window of tickets {@code [head, tail)}.
 * Everything is guarded by the queue's own monitor ({@code synchronized} methods, {@code wait} and
 * {@code notifyAll}). {@code join()} counts in tickets too: it waits until as many
 * {@code taskDone()} calls have come as items had been put when it was called.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    private final int capacity;
    private final Map<Long, T> slots = new HashMap<>();
    /** Ticket of the oldest item in the queue. */
    private long head;
    /** Ticket the next item will get = number of items ever put or offered. */
    private long tail;
    /** Number of taskDone() calls so far. */
    private long done;

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public synchronized void put(T item) throws InterruptedException {
        Objects.requireNonNull(item);
        while (tail - head >= capacity) {
            wait();
        }
        add(item);
    }

    /** Removes from the head, waiting while the queue is empty. */
    public synchronized T take() throws InterruptedException {
        while (tail == head) {
            wait();
        }
        return remove();
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public synchronized boolean offer(T item) {
        Objects.requireNonNull(item);
        if (tail - head >= capacity) {
            return false;
        }
        add(item);
        return true;
    }

    /** Removes from the head if there is an item. @return null when empty */
    public synchronized T poll() {
        return tail == head ? null : remove();
    }

    /** The number of items waiting in the queue. */
    public synchronized int size() {
        return (int) (tail - head);
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public synchronized void taskDone() {
        if (done >= tail) {
            throw new IllegalStateException("taskDone() called " + (done + 1) + " times for " + tail + " items");
        }
        done++;
        notifyAll();
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public synchronized void join() throws InterruptedException {
        long putSoFar = tail;
        while (done < putSoFar) {
            wait();
        }
    }

    private void add(T item) {
        slots.put(tail++, item);
        notifyAll();
    }

    private T remove() {
        T item = slots.remove(head++);
        notifyAll();
        return item;
    }
}
