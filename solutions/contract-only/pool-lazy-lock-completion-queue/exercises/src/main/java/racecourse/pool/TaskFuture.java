package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 * A ReentrantLock guards an enum state; result() waiters sleep on one Condition (signalAll on
 * completion); callbacks are taken out under the lock and run after it is released.
 */
public class TaskFuture<T> {

    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final Callable<T> task;
    private State state = State.PENDING;  // guarded by lock
    private T value;
    private Throwable failure;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>(); // guarded by lock

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    /** Runs the task on the calling worker, unless it was cancelled first. */
    void runTask() {
        lock.lock();
        try {
            if (state != State.PENDING) {
                return;
            }
            state = State.RUNNING;
        } finally {
            lock.unlock();
        }
        try {
            complete(State.SUCCEEDED, task.call(), null);
        } catch (Throwable t) {
            complete(State.FAILED, null, t);
        }
    }

    private void complete(State end, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        lock.lock();
        try {
            state = end;
            value = v;
            failure = t;
            toRun = callbacks;
            callbacks = List.of();
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        runCallbacks(toRun);
    }

    private void runCallbacks(List<Consumer<? super TaskFuture<T>>> toRun) {
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            try {
                cb.accept(this);
            } catch (Throwable ignored) {
                // a failing callback must not stop the others, nor the worker that completes us
            }
        }
    }

    private boolean isFinalLocked() {
        return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        lock.lock();
        try {
            return isFinalLocked();
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

    boolean isFailed() {
        lock.lock();
        try {
            return state == State.FAILED;
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
            callbacks = List.of();
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        runCallbacks(toRun); // on the cancelling thread: it is the one that completes the future
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        lock.lockInterruptibly();
        try {
            while (!isFinalLocked()) {
                finished.await();
            }
            return reportLocked();
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
            while (!isFinalLocked()) {
                if (nanos <= 0L) {
                    throw new TimeoutException();
                }
                nanos = finished.awaitNanos(nanos);
            }
            return reportLocked();
        } finally {
            lock.unlock();
        }
    }

    private T reportLocked() throws ExecutionException {
        switch (state) {
            case SUCCEEDED:
                return value;
            case FAILED:
                throw new ExecutionException(failure);
            default:
                throw new CancellationException();
        }
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            if (!isFinalLocked()) {
                callbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        callback.accept(this);
    }
}
