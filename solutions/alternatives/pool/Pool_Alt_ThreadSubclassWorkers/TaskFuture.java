package racecourse.pool;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}. */
public class TaskFuture<T> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SUCCEEDED = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    /** Completion stamps: a global order in which futures became done. */
    private static final Object STAMPS = new Object();
    private static long lastStamp;

    private static long nextStamp() {
        synchronized (STAMPS) {
            return ++lastStamp;
        }
    }

    /** A callback chain, newest first; reversed when run so callbacks run in the order added. */
    private static final class Node<T> {
        final Consumer<? super TaskFuture<T>> callback;
        final Node<T> next;

        Node(Consumer<? super TaskFuture<T>> callback, Node<T> next) {
            this.callback = callback;
            this.next = next;
        }
    }

    private final Callable<T> task;
    // all guarded by this
    private int state = PENDING;
    private T value;
    private Throwable error;
    private long stamp; // 0 until done
    private Node<T> callbacks;

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    void run() {
        synchronized (this) {
            if (state != PENDING) {
                return;
            }
            state = RUNNING;
        }
        try {
            complete(SUCCEEDED, task.call(), null);
        } catch (Throwable t) {
            complete(FAILED, null, t);
        }
    }

    private void complete(int end, T v, Throwable t) {
        Node<T> chain;
        synchronized (this) {
            value = v;
            error = t;
            state = end;
            stamp = nextStamp();
            chain = callbacks;
            callbacks = null;
            notifyAll();
        }
        fire(chain);
    }

    private void fire(Node<T> chain) {
        Node<T> reversed = null;
        for (Node<T> n = chain; n != null; n = n.next) {
            reversed = new Node<>(n.callback, reversed);
        }
        for (Node<T> n = reversed; n != null; n = n.next) {
            safely(n.callback);
        }
    }

    private void safely(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (Throwable ignored) {
            // a broken callback must not keep the others from running
        }
    }

    private boolean finished() {
        return state >= SUCCEEDED;
    }

    /** Package-private: the completion stamp, 0 while not done. */
    synchronized long stamp() {
        return stamp;
    }

    /** Package-private: finished by throwing. */
    synchronized boolean failed() {
        return state == FAILED;
    }

    /** True once the task finished, failed or was cancelled. */
    public synchronized boolean isDone() {
        return finished();
    }

    public synchronized boolean isCancelled() {
        return state == CANCELLED;
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        Node<T> chain;
        synchronized (this) {
            if (state == CANCELLED) {
                return true;
            }
            if (state != PENDING) {
                return false;
            }
            state = CANCELLED;
            stamp = nextStamp();
            chain = callbacks;
            callbacks = null;
            notifyAll();
        }
        fire(chain);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public synchronized T result() throws InterruptedException, ExecutionException {
        while (!finished()) {
            wait();
        }
        return outcome();
    }

    /** Waits at most {@code timeout} for the result. */
    public synchronized T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long total = unit.toNanos(timeout);
        long start = System.nanoTime();
        while (!finished()) {
            long left = total - (System.nanoTime() - start);
            if (left <= 0L) {
                throw new TimeoutException();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return outcome();
    }

    private T outcome() throws ExecutionException {
        switch (state) {
            case CANCELLED:
                throw new CancellationException();
            case FAILED:
                throw new ExecutionException(error);
            default:
                return value;
        }
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        synchronized (this) {
            if (!finished()) {
                callbacks = new Node<>(callback, callbacks);
                return;
            }
        }
        safely(callback);
    }
}
