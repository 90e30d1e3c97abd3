package racecourse.workqueue;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}.
 *
 * <p>Two-lock linked queue (Michael and Scott): producers hold {@code putLock} and append at the
 * tail, consumers hold {@code takeLock} and unlink at the head, so a put and a take never block each
 * other. The number of items is an {@link AtomicInteger} shared by both sides. Task accounting
 * ({@code taskDone}/{@code join}) lives on a third, private monitor; a producer appends its node,
 * publishes the new count and counts the unfinished task in one step under that monitor, so nobody
 * can see the item without also seeing it counted.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    private static final class Node<T> {
        T item;
        Node<T> next;

        Node(T item) {
            this.item = item;
        }
    }

    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();

    /** Dummy head; guarded by takeLock. */
    private Node<T> head;
    /** Last node; guarded by putLock. */
    private Node<T> last;

    private final ReentrantLock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();
    private final ReentrantLock putLock = new ReentrantLock();
    private final Condition notFull = putLock.newCondition();

    private final Object accounting = new Object();
    /** Items put or offered and not yet marked done; guarded by accounting. */
    private long unfinished;

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.head = this.last = new Node<>(null);
    }

    /** Links the node at the tail and counts it; caller holds putLock and knows there is room. */
    private int enqueue(Node<T> node) {
        synchronized (accounting) {
            last.next = node;
            last = node;
            unfinished++;
            return count.getAndIncrement();
        }
    }

    /** Unlinks the first node; caller holds takeLock and knows there is an item. */
    private T dequeue() {
        Node<T> h = head;
        Node<T> first = h.next;
        h.next = h; // help GC
        head = first;
        T x = first.item;
        first.item = null;
        return x;
    }

    private void signalNotEmpty() {
        takeLock.lock();
        try {
            notEmpty.signal();
        } finally {
            takeLock.unlock();
        }
    }

    private void signalNotFull() {
        putLock.lock();
        try {
            notFull.signal();
        } finally {
            putLock.unlock();
        }
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        Node<T> node = new Node<>(item);
        int before;
        putLock.lockInterruptibly();
        try {
            while (count.get() == capacity) {
                notFull.await();
            }
            before = enqueue(node);
            if (before + 1 < capacity) {
                notFull.signal(); // room for another producer
            }
        } finally {
            putLock.unlock();
        }
        if (before == 0) {
            signalNotEmpty();
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        T x;
        int before;
        takeLock.lockInterruptibly();
        try {
            while (count.get() == 0) {
                notEmpty.await();
            }
            x = dequeue();
            before = count.getAndDecrement();
            if (before > 1) {
                notEmpty.signal(); // more items for another consumer
            }
        } finally {
            takeLock.unlock();
        }
        if (before == capacity) {
            signalNotFull();
        }
        return x;
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        if (count.get() == capacity) {
            return false;
        }
        Node<T> node = new Node<>(item);
        int before = -1;
        putLock.lock();
        try {
            if (count.get() < capacity) {
                before = enqueue(node);
                if (before + 1 < capacity) {
                    notFull.signal();
                }
            }
        } finally {
            putLock.unlock();
        }
        if (before == 0) {
            signalNotEmpty();
        }
        return before >= 0;
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        if (count.get() == 0) {
            return null;
        }
        T x = null;
        int before = -1;
        takeLock.lock();
        try {
            if (count.get() > 0) {
                x = dequeue();
                before = count.getAndDecrement();
                if (before > 1) {
                    notEmpty.signal();
                }
            }
        } finally {
            takeLock.unlock();
        }
        if (before == capacity) {
            signalNotFull();
        }
        return x;
    }

    /** The number of items waiting in the queue. */
    public int size() {
        return count.get();
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        synchronized (accounting) {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than items were put");
            }
            if (--unfinished == 0) {
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
