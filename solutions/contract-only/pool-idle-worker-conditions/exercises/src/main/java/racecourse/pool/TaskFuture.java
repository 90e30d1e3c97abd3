package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}. */
public class TaskFuture<T> {

    enum Phase { WAITING, STARTED, OK, ERROR, CANCELLED }

    private final Object lock = new Object();
    private final Callable<T> callable;
    /** Written only under {@code lock}; volatile so that the read-only methods need no lock. */
    private volatile Phase phase = Phase.WAITING;
    private T value;                 // guarded by lock, published by the volatile write of phase
    private Throwable cause;         // idem
    private List<Consumer<? super TaskFuture<T>>> pendingCallbacks = new ArrayList<>(); // guarded by lock

    TaskFuture(Callable<T> callable) {
        this.callable = callable;
    }

    /** Claims the task for a worker; false when it was cancelled first. */
    boolean start() {
        synchronized (lock) {
            if (phase != Phase.WAITING) {
                return false;
            }
            phase = Phase.STARTED;
            return true;
        }
    }

    void runClaimed() {
        T v;
        try {
            v = callable.call();
        } catch (Throwable t) {
            settle(Phase.ERROR, null, t);
            return;
        }
        settle(Phase.OK, v, null);
    }

    private void settle(Phase end, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            value = v;
            cause = t;
            phase = end;
            toRun = pendingCallbacks;
            pendingCallbacks = null;
            lock.notifyAll();
        }
        toRun.forEach(this::call);
    }

    private void call(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (Throwable ignored) {
            // ignored, as Python's Future does (it logs)
        }
    }

    private static boolean terminal(Phase p) {
        return p == Phase.OK || p == Phase.ERROR || p == Phase.CANCELLED;
    }

    boolean failed() {
        return phase == Phase.ERROR;
    }

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        return terminal(phase);
    }

    public boolean isCancelled() {
        return phase == Phase.CANCELLED;
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            if (phase == Phase.CANCELLED) {
                return true;
            }
            if (phase != Phase.WAITING) {
                return false;
            }
            phase = Phase.CANCELLED;
            toRun = pendingCallbacks;
            pendingCallbacks = null;
            lock.notifyAll();
        }
        toRun.forEach(this::call);
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        synchronized (lock) {
            while (!terminal(phase)) {
                lock.wait();
            }
            return report();
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long budget = unit.toNanos(timeout);
        long began = System.nanoTime();
        synchronized (lock) {
            while (!terminal(phase)) {
                long left = budget - (System.nanoTime() - began);
                if (left <= 0L) {
                    throw new TimeoutException("not done after " + timeout + " " + unit);
                }
                long millis = left / 1_000_000L;
                int nanos = (int) (left % 1_000_000L);
                lock.wait(millis, nanos); // (0, n > 0) waits about a millisecond, never for ever
            }
            return report();
        }
    }

    private T report() throws ExecutionException {
        if (phase == Phase.CANCELLED) {
            throw new CancellationException();
        }
        if (phase == Phase.ERROR) {
            throw new ExecutionException(cause);
        }
        return value;
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        synchronized (lock) {
            if (!terminal(phase)) {
                pendingCallbacks.add(callback);
                return;
            }
        }
        call(callback);
    }
}
