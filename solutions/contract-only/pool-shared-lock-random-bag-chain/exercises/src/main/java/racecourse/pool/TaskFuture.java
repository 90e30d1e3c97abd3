package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 *
 * <p>Design: a future has no lock of its own. It is guarded by the lock of the pool that made
 * it (one {@link ReentrantLock} for the pool and all its futures) and owns one
 * {@link Condition} of that lock for the threads waiting in {@code result()}. A future built
 * with the public constructor gets a private lock.
 */
public class TaskFuture<T> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SUCCEEDED = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    private final ReentrantLock lock;
    private final Condition settled;
    private int state = PENDING;
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    public TaskFuture() {
        this(new ReentrantLock());
    }

    TaskFuture(ReentrantLock poolLock) {
        this.lock = poolLock;
        this.settled = poolLock.newCondition();
    }

    boolean tryStart() {
        lock.lock();
        try {
            if (state != PENDING) {
                return false;
            }
            state = RUNNING;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void set(T result) {
        transition(RUNNING, SUCCEEDED, result, null);
    }

    void setException(Throwable failure) {
        transition(RUNNING, FAILED, null, failure);
    }

    boolean raised() {
        lock.lock();
        try {
            return state == FAILED;
        } finally {
            lock.unlock();
        }
    }

    private boolean transition(int from, int to, T result, Throwable failure) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        lock.lock();
        try {
            if (state != from) {
                return false;
            }
            state = to;
            value = result;
            error = failure;
            toRun = callbacks;
            callbacks = null;
            settled.signalAll();
        } finally {
            lock.unlock();
        }
        // outside the lock: a callback may submit, cancel or wait on other futures of the pool
        for (Consumer<? super TaskFuture<T>> callback : toRun) {
            call(callback);
        }
        return true;
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        lock.lock();
        try {
            return state >= SUCCEEDED;
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return state == CANCELLED;
        } finally {
            lock.unlock();
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        return transition(PENDING, CANCELLED, null, null) || isCancelled();
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        lock.lock();
        try {
            while (state < SUCCEEDED) {
                settled.await();
            }
            return outcome();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (state < SUCCEEDED) {
                if (nanos <= 0L) {
                    throw new TimeoutException();
                }
                nanos = settled.awaitNanos(nanos);
            }
            return outcome();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            if (callbacks != null) {
                callbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        call(callback);
    }

    private T outcome() throws ExecutionException {
        if (state == SUCCEEDED) {
            return value;
        }
        if (state == FAILED) {
            throw new ExecutionException(error);
        }
        throw new CancellationException("cancelled");
    }

    private void call(Consumer<? super TaskFuture<T>> callback) {
        try {
            callback.accept(this);
        } catch (Throwable ignored) {
            // one failing callback must not keep the others from running
        }
    }
}
