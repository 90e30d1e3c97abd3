package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}. */
public class TaskFuture<T> {

    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final Callable<T> task;

    // all guarded by lock
    private State state = State.PENDING;
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    /** Called by a worker: runs the task unless it was cancelled first. */
    void run() {
        lock.lock();
        try {
            if (state != State.PENDING) {
                return; // cancelled while queued: never runs
            }
            state = State.RUNNING;
        } finally {
            lock.unlock();
        }
        T v = null;
        Throwable failure = null;
        try {
            v = task.call();
        } catch (Throwable t) {
            failure = t;
        }
        finish(failure == null ? State.SUCCEEDED : State.FAILED, v, failure);
    }

    private void finish(State end, T v, Throwable failure) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        lock.lock();
        try {
            value = v;
            error = failure;
            state = end;
            toRun = callbacks;
            callbacks = null;
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        runCallbacks(toRun);
    }

    private void runCallbacks(List<Consumer<? super TaskFuture<T>>> toRun) {
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            invoke(cb);
        }
    }

    private void invoke(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (Throwable ignored) {
            // like Python: a failing callback is reported nowhere and does not stop the others
        }
    }

    private boolean doneLocked() {
        return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
    }

    /** Package-private: true when the task finished by throwing. */
    boolean failed() {
        lock.lock();
        try {
            return state == State.FAILED;
        } finally {
            lock.unlock();
        }
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        lock.lock();
        try {
            return doneLocked();
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return state == State.CANCELLED;
        } finally {
            lock.unlock();
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        lock.lock();
        try {
            if (state == State.CANCELLED) {
                return true;
            }
            if (state != State.PENDING) {
                return false;
            }
            state = State.CANCELLED;
            toRun = callbacks;
            callbacks = null;
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        runCallbacks(toRun);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        lock.lockInterruptibly();
        try {
            while (!doneLocked()) {
                finished.await();
            }
            return report();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!doneLocked()) {
                if (nanos <= 0L) {
                    throw new TimeoutException("task not done within " + timeout + " " + unit);
                }
                nanos = finished.awaitNanos(nanos);
            }
            return report();
        } finally {
            lock.unlock();
        }
    }

    private T report() throws ExecutionException {
        if (state == State.CANCELLED) {
            throw new CancellationException("task was cancelled");
        }
        if (state == State.FAILED) {
            throw new ExecutionException(error);
        }
        return value;
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        lock.lock();
        try {
            if (!doneLocked()) {
                callbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        invoke(callback);
    }
}
