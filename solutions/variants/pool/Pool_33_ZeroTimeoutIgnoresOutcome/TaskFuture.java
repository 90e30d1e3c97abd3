package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reference solution: a state machine PENDING -> RUNNING -> SUCCEEDED | FAILED, or PENDING ->
 * CANCELLED, guarded by this object's monitor. Callbacks run outside the monitor.
 */
public class TaskFuture<T> {

    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private State state = State.PENDING;
    private T value;
    private Throwable failure;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture() {
    }

    public synchronized boolean isDone() {
        return state != State.PENDING && state != State.RUNNING;
    }

    public synchronized boolean isCancelled() {
        return state == State.CANCELLED;
    }

    public boolean cancel() {
        synchronized (this) {
            if (state == State.CANCELLED) {
                return true;
            }
            if (state != State.PENDING) {
                return false;
            }
            state = State.CANCELLED;
            notifyAll();
        }
        fireCallbacks();
        return true;
    }

    public synchronized T result() throws InterruptedException, ExecutionException {
        while (!isDone()) {
            wait();
        }
        return report();
    }

    public synchronized T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (timeout <= 0) {
            throw new TimeoutException("zero timeout"); // bug: "do not wait" read as "never give the outcome"
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("task not done after " + timeout + " " + unit);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return report();
    }

    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        synchronized (this) {
            if (!isDone()) {
                callbacks.add(callback);
                return;
            }
        }
        callback.accept(this);
    }

    /** True when the future ended with an exception from its task (not by cancellation). */
    synchronized boolean failed() {
        return state == State.FAILED;
    }

    /** Runs the task unless it was cancelled first. */
    void run(Callable<T> task) {
        synchronized (this) {
            if (state != State.PENDING) {
                return;
            }
            state = State.RUNNING;
        }
        try {
            finish(State.SUCCEEDED, task.call(), null);
        } catch (Throwable t) {
            finish(State.FAILED, null, t);
        }
    }

    private void finish(State end, T result, Throwable error) {
        synchronized (this) {
            state = end;
            value = result;
            failure = error;
            notifyAll();
        }
        fireCallbacks();
    }

    private void fireCallbacks() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (this) {
            toRun = callbacks;
            callbacks = new ArrayList<>();
        }
        for (Consumer<? super TaskFuture<T>> c : toRun) {
            try {
                c.accept(this);
            } catch (RuntimeException e) {
                // A failing callback must not stop the others (as in concurrent.futures).
            }
        }
    }

    private T report() throws ExecutionException {
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
