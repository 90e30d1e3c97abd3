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
 * <p>A state enum guarded by {@code synchronized} (this object's monitor):
 * {@code PENDING -> RUNNING -> DONE | FAILED}, {@code PENDING -> CANCELLED}. Callbacks are
 * taken out under the monitor and run after leaving it.
 */
public class TaskFuture<T> {

    private enum State { PENDING, RUNNING, DONE, FAILED, CANCELLED }

    // all guarded by this
    private State state = State.PENDING;
    private T value;
    private Throwable failure;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    public TaskFuture() {
    }

    /** True once the task finished, failed or was cancelled. */
    public synchronized boolean isDone() {
        return isFinal();
    }

    public synchronized boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (this) {
            switch (state) {
                case CANCELLED:
                    return true;
                case PENDING:
                    toRun = settle(State.CANCELLED, null, null);
                    break;
                default:
                    return false;
            }
        }
        fire(toRun);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public synchronized T result() throws InterruptedException, ExecutionException {
        while (!isFinal()) {
            wait();
        }
        return outcome();
    }

    /** Waits at most {@code timeout} for the result. */
    public synchronized T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        if (!isFinal() && nanos > 0L) {
            long deadline = System.nanoTime() + nanos;
            long left = nanos;
            while (!isFinal() && left > 0L) {
                // TimeUnit.timedWait never turns a sub-millisecond time into wait(0) ("forever")
                TimeUnit.NANOSECONDS.timedWait(this, left);
                left = deadline - System.nanoTime();
            }
        }
        if (!isFinal()) {
            throw new TimeoutException("task not done within " + timeout + " " + unit);
        }
        return outcome();
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (this) {
            if (!isFinal()) {
                callbacks.add(callback);
                return;
            }
        }
        invoke(callback);
    }

    // ------------------------------------------------------------------ package-private machinery

    /** PENDING -> RUNNING; false when the future was cancelled first. */
    synchronized boolean start() {
        if (state != State.PENDING) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** Runs the task on the calling worker thread unless it was cancelled first. */
    void run(Callable<T> task) {
        if (!start()) {
            return;
        }
        T v;
        try {
            v = task.call();
        } catch (Throwable t) {
            List<Consumer<? super TaskFuture<T>>> toRun;
            synchronized (this) {
                toRun = settle(State.FAILED, null, t);
            }
            fire(toRun);
            return;
        }
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (this) {
            toRun = settle(State.DONE, v, null);
        }
        fire(toRun);
    }

    synchronized boolean isFailed() {
        return state == State.FAILED;
    }

    // ------------------------------------------------------------------ internals

    private boolean isFinal() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    /** Called holding the monitor. */
    private List<Consumer<? super TaskFuture<T>>> settle(State s, T v, Throwable t) {
        state = s;
        value = v;
        failure = t;
        List<Consumer<? super TaskFuture<T>>> toRun = callbacks;
        callbacks = null;
        notifyAll();
        return toRun;
    }

    private void fire(List<Consumer<? super TaskFuture<T>>> toRun) {
        for (Consumer<? super TaskFuture<T>> c : toRun) {
            invoke(c);
        }
    }

    private void invoke(Consumer<? super TaskFuture<T>> callback) {
        try {
            callback.accept(this);
        } catch (Throwable ignored) {
            // like Python: an exception of a done callback is ignored
        }
    }

    private T outcome() throws ExecutionException {
        switch (state) {
            case CANCELLED:
                throw new CancellationException("task was cancelled");
            case FAILED:
                throw new ExecutionException(failure);
            default:
                return value;
        }
    }
}
