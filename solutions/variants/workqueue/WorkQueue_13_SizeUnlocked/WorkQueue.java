package racecourse.workqueue;

// BUG VARIANT WorkQueue_13_SizeUnlocked: size() reads a plain int count without the lock: a reader spinning on it may never see another thread's put or offer

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
    private int count; // items in the queue, kept beside items.size() so that size() needs no lock

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
        Objects.requireNonNull(item, "item");
        if (items.size() == capacity) {
            return false;
        }
        enqueue(item);
        return true;
    }

    public synchronized T poll() {
        return items.isEmpty() ? null : dequeue();
    }

    // BUG: count is written under the lock but read here without it (and it is not volatile): the JIT may
    // hoist this read out of a caller's loop, which then never sees another thread's put or offer
    public int size() {
        return count;
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
        count++;
        unfinished++;
        notifyAll();
    }

    private T dequeue() {
        T item = items.removeFirst();
        count--;
        notifyAll();
        return item;
    }
}
