package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 *
 * <p>Design: no wait/notify and no Condition. Threads that wait in {@code result()} put
 * themselves on a list of parked threads and {@link LockSupport#park park}; the thread that
 * completes the future takes the list under the monitor and unparks each of them.
 * LockSupport permits make a completion between "enlist" and "park" impossible to lose.
 */
public class TaskFuture<T> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SUCCEEDED = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    private final Object monitor = new Object();
    private int state = PENDING;
    private T value;
    private Throwable error;
    private List<Thread> parked = new ArrayList<>();
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    public TaskFuture() {
    }

    boolean begin() {
        synchronized (monitor) {
            if (state != PENDING) {
                return false;
            }
            state = RUNNING;
            return true;
        }
    }

    void finishWith(T result) {
        move(RUNNING, SUCCEEDED, result, null);
    }

    void finishWithFailure(Throwable failure) {
        move(RUNNING, FAILED, null, failure);
    }

    boolean failed() {
        synchronized (monitor) {
            return state == FAILED;
        }
    }

    private boolean move(int from, int to, T result, Throwable failure) {
        List<Thread> toWake;
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (monitor) {
            if (state != from) {
                return false;
            }
            state = to;
            value = result;
            error = failure;
            toWake = parked;
            parked = null;
            toRun = callbacks;
            callbacks = null;
        }
        for (Thread waiter : toWake) {
            LockSupport.unpark(waiter);
        }
        for (Consumer<? super TaskFuture<T>> callback : toRun) {
            try {
                callback.accept(this);
            } catch (RuntimeException | Error ignored) {
                // the other callbacks still run; the completing thread survives
            }
        }
        return true;
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        synchronized (monitor) {
            return state >= SUCCEEDED;
        }
    }

    public boolean isCancelled() {
        synchronized (monitor) {
            return state == CANCELLED;
        }
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        if (move(PENDING, CANCELLED, null, null)) {
            return true;
        }
        return isCancelled();
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        try {
            return waitFor(false, 0L);
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return waitFor(true, unit.toNanos(timeout));
    }

    private T waitFor(boolean timed, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        Thread me = Thread.currentThread();
        long start = timed ? System.nanoTime() : 0L;
        boolean enlisted = false;
        try {
            while (true) {
                synchronized (monitor) {
                    if (state >= SUCCEEDED) {
                        return report();
                    }
                    if (!enlisted) {
                        parked.add(me);
                        enlisted = true;
                    }
                }
                long left = timed ? nanos - (System.nanoTime() - start) : 1L;
                if (left <= 0) {
                    throw new TimeoutException();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (timed) {
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            if (enlisted) {
                synchronized (monitor) {
                    if (parked != null) {
                        parked.remove(me);
                    }
                }
            }
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
        try {
            callback.accept(this);
        } catch (RuntimeException | Error ignored) {
            // same policy as callbacks run by the completing thread
        }
    }

    private T report() throws ExecutionException {
        if (state == SUCCEEDED) {
            return value;
        }
        if (state == FAILED) {
            throw new ExecutionException(error);
        }
        throw new CancellationException("task cancelled before it started");
    }
}
