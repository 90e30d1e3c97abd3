package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** State machine under a private monitor; the callback list is swapped out under it and run outside. */
public class TaskFuture<T> {
    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final Object lock = new Object();
    private State state = State.PENDING;
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture() {
    }

    void run(Callable<T> task) {
        synchronized (lock) {
            if (state != State.PENDING) {
                return;
            }
            state = State.RUNNING;
        }
        T v = null;
        Throwable err = null;
        try {
            v = task.call();
        } catch (Throwable t) {
            err = t;
        }
        finish(err == null ? State.SUCCEEDED : State.FAILED, v, err);
    }

    private void finish(State end, T v, Throwable err) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        synchronized (lock) {
            state = end;
            value = v;
            error = err;
            toRun = callbacks;
            callbacks = null;
            lock.notifyAll();
        }
        for (Consumer<? super TaskFuture<T>> cb : toRun) {
            runCallback(cb);
        }
    }

    private void runCallback(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (Throwable ignored) {
            // a failing callback must not break the future or the worker
        }
    }

    public boolean isDone() {
        synchronized (lock) {
            return state.ordinal() >= State.SUCCEEDED.ordinal();
        }
    }

    boolean isFailed() {
        synchronized (lock) {
            return state == State.FAILED;
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return state == State.CANCELLED;
        }
    }

    public boolean cancel() {
        synchronized (lock) {
            if (state == State.CANCELLED) {
                return true;
            }
            if (state != State.PENDING) {
                return false;
            }
        }
        // only the PENDING -> CANCELLED transition reaches here; finish re-checks under the lock
        synchronized (lock) {
            if (state != State.PENDING) {
                return state == State.CANCELLED;
            }
            state = State.CANCELLED;
        }
        finish(State.CANCELLED, null, null);
        return true;
    }

    public T result() throws InterruptedException, ExecutionException {
        synchronized (lock) {
            while (state.ordinal() < State.SUCCEEDED.ordinal()) {
                lock.wait();
            }
            return report();
        }
    }

    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (lock) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (state.ordinal() < State.SUCCEEDED.ordinal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    throw new TimeoutException("not done after " + timeout + " " + unit);
                }
                lock.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
            return report();
        }
    }

    private T report() throws ExecutionException {
        switch (state) {
            case CANCELLED:
                throw new CancellationException("cancelled");
            case FAILED:
                throw new ExecutionException(error);
            default:
                return value;
        }
    }

    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        synchronized (lock) {
            if (callbacks != null) {
                callbacks.add(callback);
                return;
            }
        }
        runCallback(callback);
    }
}
