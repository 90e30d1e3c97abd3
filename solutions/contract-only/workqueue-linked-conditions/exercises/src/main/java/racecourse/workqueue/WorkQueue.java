package racecourse.workqueue;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Singly linked nodes; one ReentrantLock with three Conditions (not full, not empty, all done). */
public class WorkQueue<T> {
    private static final class Node<T> {
        final T item;
        Node<T> next;

        Node(T item) {
            this.item = item;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final Condition allDone = lock.newCondition();
    private final int capacity;
    private Node<T> head;
    private Node<T> tail;
    private int size;
    private int pending;

    public WorkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException();
        }
        lock.lockInterruptibly();
        try {
            while (size == capacity) {
                notFull.await();
            }
            link(item);
        } finally {
            lock.unlock();
        }
    }

    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                notEmpty.await();
            }
            return unlink();
        } finally {
            lock.unlock();
        }
    }

    public boolean offer(T item) {
        if (item == null) {
            throw new NullPointerException();
        }
        lock.lock();
        try {
            if (size == capacity) {
                return false;
            }
            link(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    public T poll() {
        lock.lock();
        try {
            return size == 0 ? null : unlink();
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    public void taskDone() {
        lock.lock();
        try {
            if (pending <= 0) {
                throw new IllegalStateException("taskDone() without a matching put");
            }
            if (--pending == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (pending > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void link(T item) {
        Node<T> n = new Node<>(item);
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        size++;
        pending++;
        notEmpty.signal();
    }

    private T unlink() {
        Node<T> n = head;
        head = n.next;
        if (head == null) {
            tail = null;
        }
        size--;
        notFull.signal();
        return n.item;
    }
}
