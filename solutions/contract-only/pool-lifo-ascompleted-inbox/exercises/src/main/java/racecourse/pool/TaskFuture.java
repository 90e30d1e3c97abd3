package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** synchronized methods on the future; callbacks run outside the monitor. */
public class TaskFuture<T> {
    private enum S { NEW, RUNNING, VALUE, FAILURE, CANCELLED }

    private final Callable<T> callable;
    private S s = S.NEW;
    private T value;
    private Throwable failure;
    private final List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture(Callable<T> callable) {
        this.callable = callable;
    }

    void execute() {
        synchronized (this) {
            if (s != S.NEW) {
                return;
            }
            s = S.RUNNING;
        }
        T v;
        try {
            v = callable.call();
        } catch (Throwable t) {
            finish(S.FAILURE, null, t);
            return;
        }
        finish(S.VALUE, v, null);
    }

    private void finish(S end, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> run;
        synchronized (this) {
            s = end;
            value = v;
            failure = t;
            run = new ArrayList<>(callbacks);
            callbacks.clear();
            notifyAll();
        }
        for (Consumer<? super TaskFuture<T>> c : run) {
            try {
                c.accept(this);
            } catch (RuntimeException ignored) {
                // next callback
            }
        }
    }

    private boolean done() {
        return s == S.VALUE || s == S.FAILURE || s == S.CANCELLED;
    }

    public synchronized boolean isDone() {
        return done();
    }

    public synchronized boolean isCancelled() {
        return s == S.CANCELLED;
    }

    synchronized boolean isFailed() {
        return s == S.FAILURE;
    }

    public boolean cancel() {
        synchronized (this) {
            if (s == S.CANCELLED) {
                return true;
            }
            if (s != S.NEW) {
                return false;
            }
            s = S.RUNNING;
        }
        finish(S.CANCELLED, null, null);
        return true;
    }

    public synchronized T result() throws InterruptedException, ExecutionException {
        while (!done()) {
            wait();
        }
        return get();
    }

    public synchronized T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        long remaining = unit.toNanos(timeout);
        long last = System.nanoTime();
        while (!done()) {
            if (remaining <= 0L) {
                throw new TimeoutException();
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
            long now = System.nanoTime();
            remaining -= now - last;
            last = now;
        }
        return get();
    }

    private T get() throws ExecutionException {
        if (s == S.CANCELLED) {
            throw new CancellationException();
        }
        if (s == S.FAILURE) {
            throw new ExecutionException(failure);
        }
        return value;
    }

    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        synchronized (this) {
            if (!done()) {
                callbacks.add(callback);
                return;
            }
        }
        callback.accept(this);
    }
}
