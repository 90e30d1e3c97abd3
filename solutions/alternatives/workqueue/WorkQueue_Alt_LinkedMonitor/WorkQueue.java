package racecourse.workqueue;

import java.util.Objects;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}:
 * a hand-written singly linked list guarded by {@code synchronized} on a private monitor.
 *
 * <p>Producers, consumers and joiners all wait on the same monitor, so every change that could let
 * one of them proceed calls {@code notifyAll()}, and every waiter re-checks its condition in a
 * {@code while} loop.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    /** One cell of the list. */
    private static final class Node<E> {
        final E item;
        Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    private final Object monitor = new Object();
    private final int capacity;
    private Node<T> head;    // guarded by monitor; oldest item, null when empty
    private Node<T> last;    // guarded by monitor; newest item, null when empty
    private int count;       // guarded by monitor
    private long unfinished; // guarded by monitor; put/offered minus taskDone calls

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            while (count >= capacity) {
                monitor.wait();
            }
            linkLast(item);
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        synchronized (monitor) {
            while (count == 0) {
                monitor.wait();
            }
            return unlinkFirst();
        }
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            if (count >= capacity) {
                return false;
            }
            linkLast(item);
            return true;
        }
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        synchronized (monitor) {
            return count == 0 ? null : unlinkFirst();
        }
    }

    /** The number of items waiting in the queue. */
    public int size() {
        synchronized (monitor) {
            return count;
        }
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        synchronized (monitor) {
            if (unfinished <= 0L) {
                throw new IllegalStateException("taskDone() called more times than there were items");
            }
            unfinished--;
            if (unfinished == 0L) {
                monitor.notifyAll();
            }
        }
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public void join() throws InterruptedException {
        synchronized (monitor) {
            while (unfinished > 0L) {
                monitor.wait();
            }
        }
    }

    /** Caller holds the monitor and {@code count < capacity}. */
    private void linkLast(T item) {
        Node<T> node = new Node<>(item);
        if (last == null) {
            head = node;
        } else {
            last.next = node;
        }
        last = node;
        count++;
        unfinished++;
        monitor.notifyAll();
    }

    /** Caller holds the monitor and {@code count > 0}. */
    private T unlinkFirst() {
        Node<T> first = head;
        head = first.next;
        first.next = null;
        if (head == null) {
            last = null;
        }
        count--;
        monitor.notifyAll();
        return first.item;
    }
}
