package racecourse.workqueue;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Reference solution: a monitor around an ArrayDeque. {@code unfinished} counts items put and not
 * yet marked done; join() waits for it to reach zero.
 */
public class WorkQueue<T> {

    private final int capacity;
    private final ArrayDeque<T> items;
    private long unfinished;

    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        while (items.size() == capacity) {
            wait();
        }
        enqueue(item);
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        return dequeue();
    }

    public synchronized boolean offer(T item) {
        if (items.size() == capacity) {
            return false; // bug: a full queue answers false before the null check below
        }
        enqueue(Objects.requireNonNull(item, "item"));
        return true;
    }

    public synchronized T poll() {
        return items.isEmpty() ? null : dequeue();
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized void taskDone() {
        if (unfinished == 0) {
            throw new IllegalStateException("taskDone() called more times than items were put");
        }
        unfinished--;
        if (unfinished == 0) {
            notifyAll();
        }
    }

    public synchronized void join() throws InterruptedException {
        while (unfinished > 0) {
            wait();
        }
    }

    // Producers, consumers and joiners share one wait set, so every change wakes them all.
    private void enqueue(T item) {
        items.addLast(item);
        unfinished++;
        notifyAll();
    }

    private T dequeue() {
        T item = items.removeFirst();
        notifyAll();
        return item;
    }
}
