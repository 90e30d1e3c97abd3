package racecourse.workqueue;

import java.util.ArrayDeque;

/** A java.util.ArrayDeque (not a java.util.concurrent queue) guarded by this object's monitor. */
public class WorkQueue<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private int unfinished;

    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void put(T item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        while (items.size() >= capacity) {
            wait();
        }
        items.addLast(item);
        unfinished++;
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    public synchronized boolean offer(T item) {
        if (item == null) {
            throw new NullPointerException("item");
        }
        if (items.size() >= capacity) {
            return false;
        }
        items.addLast(item);
        unfinished++;
        notifyAll();
        return true;
    }

    public synchronized T poll() {
        T item = items.pollFirst();
        if (item != null) {
            notifyAll();
        }
        return item;
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized void taskDone() {
        if (unfinished == 0) {
            throw new IllegalStateException("task_done() called too many times");
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
}
