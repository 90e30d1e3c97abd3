package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 *
 * <p>Design: the outcome is one immutable object published through a {@code volatile} field,
 * written only under the future's monitor (so "start" and "cancel" still race for one
 * transition) and read without any lock by {@code isDone}, {@code isCancelled} and the fast path
 * of {@code result}. Timed waits use {@link TimeUnit#timedWait}.
 */
public class TaskFuture<T> {

    private static final class Outcome {
        static final int SUCCESS = 0;
        static final int FAILURE = 1;
        static final int CANCELLED = 2;

        final int kind;
        final Object value;
        final Throwable error;

        Outcome(int kind, Object value, Throwable error) {
            this.kind = kind;
            this.value = value;
            this.error = error;
        }
    }

    private final Object monitor = new Object();
    private volatile Outcome outcome;
    private boolean started;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    public TaskFuture() {
    }

    boolean claim() {
        synchronized (monitor) {
            if (started || outcome != null) {
                return false;
            }
            started = true;
            return true;
        }
    }

    void resolve(T value) {
        publish(new Outcome(Outcome.SUCCESS, value, null));
    }

    void reject(Throwable error) {
        publish(new Outcome(Outcome.FAILURE, null, error));
    }

    boolean endedWithException() {
        Outcome o = outcome;
        return o != null && o.kind == Outcome.FAILURE;
    }

    private void publish(Outcome o) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (monitor) {
            if (outcome != null) {
                return;
            }
            outcome = o;
            toRun = callbacks;
            callbacks = null;
            monitor.notifyAll();
        }
        fire(toRun);
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        return outcome != null;
    }

    public boolean isCancelled() {
        Outcome o = outcome;
        return o != null && o.kind == Outcome.CANCELLED;
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (monitor) {
            if (outcome != null) {
                return outcome.kind == Outcome.CANCELLED;
            }
            if (started) {
                return false;
            }
            outcome = new Outcome(Outcome.CANCELLED, null, null);
            toRun = callbacks;
            callbacks = null;
            monitor.notifyAll();
        }
        fire(toRun);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        Outcome o = outcome;
        if (o == null) {
            synchronized (monitor) {
                while ((o = outcome) == null) {
                    monitor.wait();
                }
            }
        }
        return unwrap(o);
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        Outcome o = outcome;
        if (o == null) {
            long budget = unit.toNanos(timeout);
            long begin = System.nanoTime();
            synchronized (monitor) {
                while ((o = outcome) == null) {
                    long left = budget - (System.nanoTime() - begin);
                    if (left <= 0) {
                        throw new TimeoutException("still running after " + timeout + " " + unit);
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            }
        }
        return unwrap(o);
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
        fire(List.of(callback));
    }

    @SuppressWarnings("unchecked")
    private T unwrap(Outcome o) throws ExecutionException {
        switch (o.kind) {
            case Outcome.SUCCESS:
                return (T) o.value;
            case Outcome.FAILURE:
                throw new ExecutionException(o.error);
            default:
                throw new CancellationException();
        }
    }

    private void fire(List<Consumer<? super TaskFuture<T>>> toRun) {
        for (Consumer<? super TaskFuture<T>> callback : toRun) {
            try {
                callback.accept(this);
            } catch (Throwable ignored) {
                // Python logs and ignores a failing callback; so do we (without the logging)
            }
        }
    }
}
