package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 *
 * <p>A small state machine guarded by a private monitor. The future itself never waits: result()
 * registers a {@link Waiter} as an internal done callback and sleeps on the waiter's own monitor.
 * Callbacks run outside the lock, after the state is final, on the completing thread.
 */
public class TaskFuture<T> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SUCCEEDED = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    private final Object lock = new Object();
    private final Callable<T> task;
    private int state = PENDING;          // guarded by lock
    private T value;                      // guarded by lock
    private Throwable failure;            // guarded by lock
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>(); // null once done

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    /** Run by a worker: claims the PENDING -> RUNNING transition, or does nothing when cancelled. */
    void run() {
        synchronized (lock) {
            if (state != PENDING) {
                return;
            }
            state = RUNNING;
        }
        T v = null;
        Throwable t = null;
        try {
            v = task.call();
        } catch (Throwable e) {
            t = e;
        }
        finish(t == null ? SUCCEEDED : FAILED, v, t);
    }

    private void finish(int finalState, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            state = finalState;
            value = v;
            failure = t;
            toRun = callbacks;
            callbacks = null;
        }
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            invoke(cb);
        }
    }

    private void invoke(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (RuntimeException | Error e) {
            // like Python: an exception raised by a callback is ignored (it must not kill a worker)
        }
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        synchronized (lock) {
            return state >= SUCCEEDED;
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return state == CANCELLED;
        }
    }

    /** Failed with an exception (not cancelled). */
    boolean isFailed() {
        synchronized (lock) {
            return state == FAILED;
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            if (state == CANCELLED) {
                return true;
            }
            if (state != PENDING) {
                return false;
            }
            state = CANCELLED;
            toRun = callbacks;
            callbacks = null;
        }
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            invoke(cb);
        }
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter waiter = new Waiter();
        if (register(waiter)) {
            try {
                waiter.awaitFired(1);
            } finally {
                unregister(waiter);
            }
        }
        return report();
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter waiter = new Waiter();
        if (register(waiter)) {
            boolean fired;
            try {
                fired = waiter.awaitFired(1, deadline);
            } finally {
                unregister(waiter);
            }
            if (!fired && !isDone()) {
                throw new TimeoutException("task not done after " + timeout + " " + unit);
            }
        }
        return report();
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (lock) {
            if (callbacks != null) {
                callbacks.add(callback);
                return;
            }
        }
        invoke(callback);
    }

    /** Registers an internal callback unless already done. @return false when already done */
    boolean register(Consumer<Object> internal) {
        synchronized (lock) {
            if (callbacks == null) {
                return false;
            }
            callbacks.add(internal);
            return true;
        }
    }

    /** Removes an internal callback that is no longer needed (a waiter that gave up). */
    void unregister(Consumer<Object> internal) {
        synchronized (lock) {
            if (callbacks != null) {
                callbacks.remove(internal);
            }
        }
    }

    private T report() throws ExecutionException {
        synchronized (lock) {
            switch (state) {
                case SUCCEEDED:
                    return value;
                case FAILED:
                    throw new ExecutionException(failure);
                case CANCELLED:
                    throw new CancellationException("task was cancelled");
                default:
                    throw new IllegalStateException("not done");
            }
        }
    }
}
