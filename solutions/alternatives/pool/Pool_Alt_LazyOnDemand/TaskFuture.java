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
 * <p>Guarded by a private monitor ({@code synchronized} + {@code wait}/{@code notifyAll}). The
 * callbacks are collected under the monitor and run after it has been released.
 */
public class TaskFuture<T> {

    private enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final Object monitor = new Object();

    // all guarded by monitor
    private Phase phase = Phase.PENDING;
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    public TaskFuture() {
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        synchronized (monitor) {
            return finished();
        }
    }

    public boolean isCancelled() {
        synchronized (monitor) {
            return phase == Phase.CANCELLED;
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (monitor) {
            if (phase == Phase.CANCELLED) {
                return true;
            }
            if (phase != Phase.PENDING) {
                return false;
            }
            toRun = finish(Phase.CANCELLED, null, null);
        }
        runAll(toRun);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        synchronized (monitor) {
            while (!finished()) {
                monitor.wait();
            }
            return report();
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            if (!finished() && nanos > 0L) {
                long deadline = System.nanoTime() + nanos;
                while (!finished()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        break;
                    }
                    waitNanos(monitor, left);
                }
            }
            if (!finished()) {
                throw new TimeoutException("task not done within " + timeout + " " + unit);
            }
            return report();
        }
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (monitor) {
            if (!finished()) {
                callbacks.add(callback);
                return;
            }
        }
        runOne(callback);
    }

    // ------------------------------------------------------------------ package-private machinery

    /** Runs the task on the calling (worker) thread unless it was cancelled first. */
    void run(Callable<T> task) {
        synchronized (monitor) {
            if (phase != Phase.PENDING) {
                return;
            }
            phase = Phase.RUNNING;
        }
        T v = null;
        Throwable t = null;
        try {
            v = task.call();
        } catch (Throwable e) {
            t = e;
        }
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (monitor) {
            toRun = t == null ? finish(Phase.SUCCEEDED, v, null) : finish(Phase.FAILED, null, t);
        }
        runAll(toRun);
    }

    boolean isFailed() {
        synchronized (monitor) {
            return phase == Phase.FAILED;
        }
    }

    /**
     * {@code Object.wait} for a number of nanoseconds; never {@code wait(0)} (which would mean
     * "forever") for a positive sub-millisecond time.
     */
    static void waitNanos(Object monitor, long nanos) throws InterruptedException {
        long millis = nanos / 1_000_000L;
        int extra = (int) (nanos % 1_000_000L);
        if (millis == 0L && extra == 0) {
            return;
        }
        monitor.wait(millis, extra); // wait(0, n > 0) waits about a millisecond, not forever
    }

    // ------------------------------------------------------------------ internals

    private boolean finished() {
        return phase == Phase.SUCCEEDED || phase == Phase.FAILED || phase == Phase.CANCELLED;
    }

    /** Under the monitor: sets the final phase, wakes the waiters, hands back the callbacks to run. */
    private List<Consumer<? super TaskFuture<T>>> finish(Phase p, T v, Throwable t) {
        phase = p;
        value = v;
        error = t;
        List<Consumer<? super TaskFuture<T>>> toRun = callbacks;
        callbacks = null;
        monitor.notifyAll();
        return toRun;
    }

    private void runAll(List<Consumer<? super TaskFuture<T>>> toRun) {
        for (Consumer<? super TaskFuture<T>> c : toRun) {
            runOne(c);
        }
    }

    private void runOne(Consumer<? super TaskFuture<T>> callback) {
        try {
            callback.accept(this);
        } catch (Throwable ignored) {
            // like Python: an exception of a done callback is ignored
        }
    }

    private T report() throws ExecutionException {
        switch (phase) {
            case CANCELLED:
                throw new CancellationException("task was cancelled");
            case FAILED:
                throw new ExecutionException(error);
            default:
                return value;
        }
    }
}
