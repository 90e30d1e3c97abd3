package racecourse.workqueue;

import java.util.LinkedList;
import java.util.Objects;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}.
 *
 * <p>Two monitors with a fixed order. The item list is its own monitor: producers and consumers
 * wait on it and are woken with {@code notifyAll()}. The task accounting ({@code unfinished},
 * {@code taskDone}, {@code join}) has a monitor of its own, taken only inside the list's monitor
 * (list first, accounting second) or alone, so joiners never wake producers or consumers and a put
 * is counted in the same step in which its item appears.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    private final int capacity;
    /** Guarded by its own monitor. */
    private final LinkedList<T> items = new LinkedList<>();
    private final Object accounting = new Object();
    /** Guarded by accounting. */
    private long unfinished;

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Caller holds the items monitor and has checked for room. */
    private void append(T item) {
        items.addLast(item);
        synchronized (accounting) {
            unfinished++;
        }
        items.notifyAll();
    }

    /** Caller holds the items monitor and has checked there is an item. */
    private T removeFirst() {
        T item = items.removeFirst();
        items.notifyAll();
        return item;
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (items) {
            while (items.size() >= capacity) {
                items.wait();
            }
            append(item);
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        synchronized (items) {
            while (items.isEmpty()) {
                items.wait();
            }
            return removeFirst();
        }
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (items) {
            if (items.size() >= capacity) {
                return false;
            }
            append(item);
            return true;
        }
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        synchronized (items) {
            return items.isEmpty() ? null : removeFirst();
        }
    }

    /** The number of items waiting in the queue. */
    public int size() {
        synchronized (items) {
            return items.size();
        }
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        synchronized (accounting) {
            if (unfinished <= 0) {
                throw new IllegalStateException("taskDone() without a matching put/offer");
            }
            unfinished--;
            if (unfinished == 0) {
                accounting.notifyAll();
            }
        }
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public void join() throws InterruptedException {
        synchronized (accounting) {
            while (unfinished > 0) {
                accounting.wait();
            }
        }
    }
}
