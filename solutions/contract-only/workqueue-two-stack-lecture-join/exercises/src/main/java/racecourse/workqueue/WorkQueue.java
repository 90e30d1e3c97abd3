package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Objects;

/**
 * Bounded FIFO queue built as two stacks (an inbox that put() pushes on, an outbox that take() pops
 * from; the inbox is poured, reversed, into the outbox when the outbox runs dry), guarded by one
 * private monitor with wait/notifyAll. {@code unfinished} counts items put/offered and not yet
 * marked done, as in Python's queue.Queue. notifyAll() is sent only on the transitions waiters care
 * about (empty to non-empty, full to non-full, unfinished reaching zero).
 */
public class WorkQueue<T> {

    private final Object monitor = new Object();
    private final int capacity;
    private final ArrayList<T> inbox = new ArrayList<>();  // guarded by monitor; newest last
    private final ArrayList<T> outbox = new ArrayList<>(); // guarded by monitor; oldest last
    private long unfinished; // guarded by monitor

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            while (countLocked() >= capacity) {
                monitor.wait();
            }
            pushLocked(item);
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        synchronized (monitor) {
            while (countLocked() == 0) {
                monitor.wait();
            }
            return popLocked();
        }
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            if (countLocked() >= capacity) {
                return false;
            }
            pushLocked(item);
            return true;
        }
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        synchronized (monitor) {
            return countLocked() == 0 ? null : popLocked();
        }
    }

    /** The number of items waiting in the queue. */
    public int size() {
        synchronized (monitor) {
            return countLocked();
        }
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        synchronized (monitor) {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than there were items");
            }
            unfinished--;
            if (unfinished == 0) {
                monitor.notifyAll();
            }
        }
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public void join() throws InterruptedException {
        synchronized (monitor) {
            while (unfinished > 0) {
                monitor.wait();
            }
        }
    }

    private int countLocked() {
        return inbox.size() + outbox.size();
    }

    private void pushLocked(T item) {
        boolean wasEmpty = countLocked() == 0;
        inbox.add(item);
        unfinished++;
        if (wasEmpty) {
            monitor.notifyAll(); // takers only ever wait on an empty queue
        }
    }

    private T popLocked() {
        if (outbox.isEmpty()) {
            for (int i = inbox.size() - 1; i >= 0; i--) {
                outbox.add(inbox.get(i));
            }
            inbox.clear();
        }
        boolean wasFull = countLocked() == capacity;
        T item = outbox.remove(outbox.size() - 1);
        if (wasFull) {
            monitor.notifyAll(); // putters only ever wait on a full queue
        }
        return item;
    }
}
