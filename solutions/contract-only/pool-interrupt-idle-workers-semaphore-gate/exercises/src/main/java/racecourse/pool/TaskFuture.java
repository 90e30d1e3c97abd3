package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}.
 *
 * <p>State transitions under {@code synchronized(this)}; waiting in {@code result()} goes through a
 * gate: a {@code Semaphore} with no permit until the future is done. Completion releases one
 * permit and every waiter that gets it gives it straight back, so the permit passes from waiter
 * to waiter and stays there for later callers.
 */
public class TaskFuture<T> {

    private static final int NEW = 0, RUNNING = 1, NORMAL = 2, EXCEPTIONAL = 3, CANCELLED = 4;

    private final Callable<T> task;
    private final Semaphore gate = new Semaphore(0);
    // guarded by this
    private int state = NEW;
    private Object outcome; // the value, or the Throwable when EXCEPTIONAL
    private ArrayList<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    void run() {
        synchronized (this) {
            if (state != NEW) {
                return;
            }
            state = RUNNING;
        }
        Object result;
        int end;
        try {
            result = task.call();
            end = NORMAL;
        } catch (Throwable t) {
            result = t;
            end = EXCEPTIONAL;
        }
        transition(end, result);
    }

    private void transition(int end, Object result) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (this) {
            state = end;
            outcome = result;
            toRun = callbacks;
            callbacks = null;
        }
        gate.release(); // opens the gate for every result() caller, now and later
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            runCallback(cb);
        }
    }

    private void runCallback(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (Throwable ignored) {
            // one callback's failure does not concern the future or the other callbacks
        }
    }

    synchronized boolean failed() {
        return state == EXCEPTIONAL;
    }

    /** True once the task finished, failed or was cancelled. */
    public synchronized boolean isDone() {
        return state > RUNNING;
    }

    public synchronized boolean isCancelled() {
        return state == CANCELLED;
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (this) {
            if (state == CANCELLED) {
                return true;
            }
            if (state != NEW) {
                return false; // running or finished: the worker won the race out of NEW
            }
            state = CANCELLED;
            toRun = callbacks;
            callbacks = null;
        }
        gate.release();
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            runCallback(cb);
        }
        return true;
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        if (!isDone()) {
            gate.acquire();
            gate.release();
        }
        return report();
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!isDone()) {
            if (!gate.tryAcquire(timeout, unit)) { // zero or negative: does not wait
                throw new TimeoutException();
            }
            gate.release();
        }
        return report();
    }

    @SuppressWarnings("unchecked")
    private synchronized T report() throws ExecutionException {
        if (state == CANCELLED) {
            throw new CancellationException("cancelled");
        }
        if (state == EXCEPTIONAL) {
            throw new ExecutionException((Throwable) outcome);
        }
        return (T) outcome;
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        synchronized (this) {
            if (state <= RUNNING) {
                callbacks.add(callback);
                return;
            }
        }
        runCallback(callback);
    }
}
