package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}. */
public class TaskFuture<T> {

    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final Object lock = new Object();
    private final Callable<T> task;
    private State state = State.PENDING;
    private T value;
    private Throwable error;
    /** Callbacks waiting for the end; null once the future is done and they were handed out. */
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        synchronized (lock) {
            return isDoneLocked();
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return state == State.CANCELLED;
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            if (state == State.CANCELLED) {
                return true;
            }
            if (state != State.PENDING) {
                return false;
            }
            state = State.CANCELLED; // it never started, so nobody can be waiting on the worker side
            toRun = callbacks;
            callbacks = null;
        }
        fire(toRun);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        synchronized (lock) {
            while (!isDoneLocked()) {
                lock.wait();
            }
            return reportLocked();
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            while (!isDoneLocked()) {
                if (nanos <= 0) {
                    throw new TimeoutException("task not done after " + timeout + " " + unit);
                }
                lock.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
                nanos = deadline - System.nanoTime();
            }
            return reportLocked();
        }
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        synchronized (lock) {
            if (!isDoneLocked()) {
                callbacks.add(callback);
                return;
            }
        }
        callback.accept(this);
    }

    // --- package-private, for the pool and Futures ---

    /** Called by a worker: runs the task unless it was cancelled, then completes the future. */
    void run() {
        synchronized (lock) {
            if (state != State.PENDING) {
                return;
            }
            state = State.RUNNING;
        }
        T v = null;
        Throwable err = null;
        try {
            v = task.call();
        } catch (Throwable t) {
            err = t;
        }
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            if (err == null) {
                value = v;
                state = State.SUCCEEDED;
            } else {
                error = err;
                state = State.FAILED;
            }
            toRun = callbacks;
            callbacks = null;
            lock.notifyAll();
        }
        fire(toRun);
    }

    /** True when the task ran and threw. */
    boolean isFailed() {
        synchronized (lock) {
            return state == State.FAILED;
        }
    }

    private boolean isDoneLocked() {
        return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
    }

    private T reportLocked() throws ExecutionException {
        switch (state) {
            case SUCCEEDED:
                return value;
            case FAILED:
                throw new ExecutionException(error);
            default:
                throw new CancellationException("task was cancelled");
        }
    }

    /** Runs the callbacks outside the lock; one that throws does not keep the others from running. */
    private void fire(List<Consumer<? super TaskFuture<T>>> toRun) {
        for (Consumer<? super TaskFuture<T>> callback : toRun) {
            try {
                callback.accept(this);
            } catch (RuntimeException | Error e) {
                // a callback's failure is its own business
            }
        }
    }
}
