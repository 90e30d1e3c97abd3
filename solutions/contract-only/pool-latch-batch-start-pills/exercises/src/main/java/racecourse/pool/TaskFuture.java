package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 *
 * <p>Design: the state machine lives under a private monitor; the threads waiting in
 * {@code result()} sleep on a one-shot {@link CountDownLatch} that the completing thread opens
 * after the state has changed (synchronizers are allowed in this exercise). The state is always
 * read under the monitor, so a result is never reported missing once {@code isDone()} is true.
 */
public class TaskFuture<T> {

    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final Object monitor = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private State state = State.PENDING;
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    public TaskFuture() {
    }

    boolean start() {
        synchronized (monitor) {
            if (state != State.PENDING) {
                return false;
            }
            state = State.RUNNING;
            return true;
        }
    }

    void succeed(T result) {
        settle(State.RUNNING, State.SUCCEEDED, result, null);
    }

    void failWith(Throwable failure) {
        settle(State.RUNNING, State.FAILED, null, failure);
    }

    boolean hasFailed() {
        synchronized (monitor) {
            return state == State.FAILED;
        }
    }

    private boolean doneLocked() {
        return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
    }

    /** Moves {@code from -> to} in one step under the monitor; opens the latch and runs the callbacks if it did. */
    private boolean settle(State from, State to, T result, Throwable failure) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (monitor) {
            if (state != from) {
                return false;
            }
            state = to;
            value = result;
            error = failure;
            toRun = callbacks;
            callbacks = null;
        }
        finished.countDown();
        for (Consumer<? super TaskFuture<T>> callback : toRun) {
            invoke(callback);
        }
        return true;
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        synchronized (monitor) {
            return doneLocked();
        }
    }

    public boolean isCancelled() {
        synchronized (monitor) {
            return state == State.CANCELLED;
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        if (settle(State.PENDING, State.CANCELLED, null, null)) {
            return true;
        }
        synchronized (monitor) {
            return state == State.CANCELLED;
        }
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        synchronized (monitor) {
            if (doneLocked()) {
                return outcome();
            }
        }
        finished.await();
        synchronized (monitor) {
            return outcome();
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        synchronized (monitor) {
            if (doneLocked()) {
                return outcome();
            }
        }
        long nanos = unit.toNanos(timeout);
        if (nanos > 0) {
            finished.await(nanos, TimeUnit.NANOSECONDS);
        }
        synchronized (monitor) {
            if (!doneLocked()) {
                throw new TimeoutException("no result within " + timeout + " " + unit);
            }
            return outcome();
        }
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (monitor) {
            if (callbacks != null) {
                callbacks.add(callback);
                return;
            }
        }
        invoke(callback);
    }

    private T outcome() throws ExecutionException {
        switch (state) {
            case SUCCEEDED:
                return value;
            case FAILED:
                throw new ExecutionException(error);
            case CANCELLED:
                throw new CancellationException("cancelled");
            default:
                throw new IllegalStateException("not done: " + state);
        }
    }

    private void invoke(Consumer<? super TaskFuture<T>> callback) {
        try {
            callback.accept(this);
        } catch (RuntimeException | Error ignored) {
            // like Python: a failing callback is dropped and the others still run
        }
    }
}
