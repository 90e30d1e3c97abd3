package racecourse.workqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A monitor around an ArrayDeque, with a lock-free size(): the number of items is also kept in a
 * field written with a volatile VarHandle inside the monitor, so size() reads it without the lock.
 */
public class WorkQueue<T> {

    private final int capacity;
    private final ArrayDeque<T> items;
    private long unfinished;
    @SuppressWarnings("unused") // accessed through COUNT
    private int count;

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(WorkQueue.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    public int size() {
        return (int) COUNT.getVolatile(this);
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
        COUNT.setVolatile(this, items.size());
        unfinished++;
        notifyAll();
    }

    private T dequeue() {
        T item = items.removeFirst();
        COUNT.setVolatile(this, items.size());
        notifyAll();
        return item;
    }
}
