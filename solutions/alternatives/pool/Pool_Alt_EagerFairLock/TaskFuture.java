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
 *
 * <p>A small state machine guarded by a fair {@link ReentrantLock}; threads waiting in
 * {@code result()} wait on a {@link Condition}. Done callbacks and {@link Futures#await} waiters
 * are collected under the lock and run after it has been released.
 */
public class TaskFuture<T> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SUCCEEDED = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition finished = lock.newCondition();

    // all guarded by lock
    private int state = PENDING;
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();
    private List<Futures.Waiter> waiters = new ArrayList<>();

    public TaskFuture() {
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
        // PENDING -> CANCELLED races with the worker's PENDING -> RUNNING; only one wins
        if (complete(PENDING, CANCELLED, null, null)) {
            return true;
        }
        return isCancelled();
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        lock.lock();
        try {
            while (state < SUCCEEDED) {
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
        lock.lock();
        try {
            while (state < SUCCEEDED) {
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

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            if (state < SUCCEEDED) {
                callbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        runCallback(callback);
    }

    // ------------------------------------------------------------------ package-private machinery

    /** Runs the task on the calling (worker) thread unless it was cancelled first. */
    void run(Callable<T> task) {
        lock.lock();
        try {
            if (state != PENDING) {
                return; // cancelled before it started
            }
            state = RUNNING;
        } finally {
            lock.unlock();
        }
        T v;
        try {
            v = task.call();
        } catch (Throwable t) {
            complete(RUNNING, FAILED, null, t);
            return;
        }
        complete(RUNNING, SUCCEEDED, v, null);
    }

    /** True when the future finished by throwing (not cancelled). */
    boolean isFailed() {
        lock.lock();
        try {
            return state == FAILED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Installs a waiter of {@link Futures#await}; false (nothing installed) when already done, in
     * which case the caller counts this future itself.
     */
    boolean installWaiter(Futures.Waiter waiter) {
        lock.lock();
        try {
            if (state >= SUCCEEDED) {
                return false;
            }
            waiters.add(waiter);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void removeWaiter(Futures.Waiter waiter) {
        lock.lock();
        try {
            if (waiters != null) {
                waiters.remove(waiter);
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ internals

    private boolean complete(int expected, int target, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        List<Futures.Waiter> toWake;
        lock.lock();
        try {
            if (state != expected) {
                return false;
            }
            state = target;
            value = v;
            error = t;
            toRun = callbacks;
            toWake = waiters;
            callbacks = null;
            waiters = null;
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        boolean failed = target == FAILED;
        for (Futures.Waiter w : toWake) {
            w.futureDone(failed);
        }
        for (Consumer<? super TaskFuture<T>> c : toRun) {
            runCallback(c);
        }
        return true;
    }

    private void runCallback(Consumer<? super TaskFuture<T>> callback) {
        try {
            callback.accept(this);
        } catch (Throwable ignored) {
            // like Python: an exception of a done callback is ignored
        }
    }

    private T report() throws ExecutionException {
        if (state == CANCELLED) {
            throw new CancellationException("task was cancelled");
        }
        if (state == FAILED) {
            throw new ExecutionException(error);
        }
        return value;
    }
}
