package racecourse.workqueue;

import java.util.LinkedList;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}.
 *
 * <p>Build it on your own monitor or lock: no {@code java.util.concurrent} queues, executors or
 * synchronizers.
 *
 * <p>Design: the write lock of a read-write lock guards everything; {@link #size()} only takes the
 * read lock. Items live in a hand-made singly linked list. Blocked threads are not woken to retry:
 * a {@code put} that finds a taker waiting hands its item straight to that taker, and a {@code take}
 * that frees a slot moves the oldest waiting producer's item into the queue. Each blocked thread has
 * its own {@link Condition}.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    private static final class Node<E> {
        final E item;
        Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    /** A blocked producer (item set from the start) or consumer (item set by the hand-off). */
    private static final class Waiter<E> {
        final Condition wakeUp;
        E item;
        boolean served;

        Waiter(Condition wakeUp, E item) {
            this.wakeUp = wakeUp;
            this.item = item;
        }
    }

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock.WriteLock lock = rw.writeLock();
    private final ReentrantReadWriteLock.ReadLock readLock = rw.readLock();
    private final Condition allDone = lock.newCondition();

    private final int capacity;
    private Node<T> head;
    private Node<T> tail;
    private int count;
    /** Items put or offered (including hand-offs) and not yet marked done. */
    private long unfinished;

    private final LinkedList<Waiter<T>> waitingTakers = new LinkedList<>();
    private final LinkedList<Waiter<T>> waitingPutters = new LinkedList<>();

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
        lock.lockInterruptibly();
        try {
            if (tryInsert(item)) {
                return;
            }
            Waiter<T> me = new Waiter<>(lock.newCondition(), item);
            waitingPutters.addLast(me);
            try {
                while (!me.served) {
                    me.wakeUp.await();
                }
            } catch (InterruptedException e) {
                if (me.served) {
                    // the item was stored before the interrupt: the put has happened
                    Thread.currentThread().interrupt();
                    return;
                }
                waitingPutters.remove(me);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (count > 0) {
                return removeHead();
            }
            Waiter<T> me = new Waiter<>(lock.newCondition(), null);
            waitingTakers.addLast(me);
            try {
                while (!me.served) {
                    me.wakeUp.await();
                }
                return me.item;
            } catch (InterruptedException e) {
                if (me.served) {
                    // an item was already handed to us: the take has happened
                    Thread.currentThread().interrupt();
                    return me.item;
                }
                waitingTakers.remove(me);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            return tryInsert(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        lock.lock();
        try {
            return count > 0 ? removeHead() : null;
        } finally {
            lock.unlock();
        }
    }

    /** The number of items waiting in the queue. */
    public int size() {
        readLock.lock();
        try {
            return count;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more often than items were put");
            }
            unfinished--;
            if (unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- under the write lock ----

    private boolean tryInsert(T item) {
        Waiter<T> taker = waitingTakers.pollFirst();
        if (taker != null) {
            // waiting takers imply an empty queue: FIFO is kept by handing over directly
            taker.item = item;
            taker.served = true;
            unfinished++;
            taker.wakeUp.signal();
            return true;
        }
        if (count < capacity) {
            append(item);
            unfinished++;
            return true;
        }
        return false;
    }

    private T removeHead() {
        Node<T> h = head;
        head = h.next;
        if (head == null) {
            tail = null;
        }
        count--;
        Waiter<T> putter = waitingPutters.pollFirst();
        if (putter != null) {
            append(putter.item);
            unfinished++;
            putter.served = true;
            putter.wakeUp.signal();
        }
        return h.item;
    }

    private void append(T item) {
        Node<T> n = new Node<>(item);
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        count++;
    }
}
