package racecourse.workqueue;

import java.util.Objects;

/** Circular array with head + count, guarded by a private monitor. */
public class WorkQueue<T> {
    private final Object monitor = new Object();
    private final Object[] ring;
    private int head;
    private int count;
    private long unfinished;

    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        ring = new Object[capacity];
    }

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            while (count == ring.length) {
                monitor.wait();
            }
            enqueueLocked(item);
        }
    }

    public T take() throws InterruptedException {
        synchronized (monitor) {
            while (count == 0) {
                monitor.wait();
            }
            return dequeueLocked();
        }
    }

    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            if (count == ring.length) {
                return false;
            }
            enqueueLocked(item);
            return true;
        }
    }

    public T poll() {
        synchronized (monitor) {
            return count == 0 ? null : dequeueLocked();
        }
    }

    public int size() {
        synchronized (monitor) {
            return count;
        }
    }

    public void taskDone() {
        synchronized (monitor) {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than items were put");
            }
            unfinished--;
            if (unfinished == 0) {
                monitor.notifyAll();
            }
        }
    }

    public void join() throws InterruptedException {
        synchronized (monitor) {
            while (unfinished > 0) {
                monitor.wait();
            }
        }
    }

    private void enqueueLocked(T item) {
        ring[(head + count) % ring.length] = item;
        count++;
        unfinished++;
        monitor.notifyAll();
    }

    @SuppressWarnings("unchecked")
    private T dequeueLocked() {
        T item = (T) ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        monitor.notifyAll();
        return item;
    }
}
