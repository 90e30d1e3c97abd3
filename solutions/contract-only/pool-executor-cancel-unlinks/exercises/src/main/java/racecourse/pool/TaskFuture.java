package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * synchronized on the future itself. Done callbacks run first (after isDone() turned true), the
 * waiters in result() are woken after them. cancel() unlinks the task from the pool's queue.
 */
public class TaskFuture<T> {
    private static final int NEW = 0, RUNNING = 1, OK = 2, ERROR = 3, CANCELLED = 4;

    private final Callable<T> task;
    private final ThreadPool pool;
    private final Runnable runner = this::run;
    private int state = NEW;
    private boolean settled; // true once callbacks have been taken: waiters may leave
    private T value;
    private Throwable error;
    private List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture(Callable<T> task, ThreadPool pool) {
        this.task = task;
        this.pool = pool;
    }

    Runnable runner() {
        return runner;
    }

    private void run() {
        synchronized (this) {
            if (state != NEW) {
                return;
            }
            state = RUNNING;
        }
        try {
            T v = task.call();
            settle(OK, v, null);
        } catch (Throwable t) {
            settle(ERROR, null, t);
        }
    }

    private void settle(int end, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> mine;
        synchronized (this) {
            state = end;
            value = v;
            error = t;
            mine = callbacks;
            callbacks = null;
        }
        for (Consumer<? super TaskFuture<T>> c : mine) {
            try {
                c.accept(this);
            } catch (Throwable ignored) {
                // one bad callback does not stop the others
            }
        }
        synchronized (this) {
            settled = true;
            notifyAll();
        }
    }

    public synchronized boolean isDone() {
        return state >= OK;
    }

    synchronized boolean failed() {
        return state == ERROR;
    }

    public synchronized boolean isCancelled() {
        return state == CANCELLED;
    }

    public boolean cancel() {
        synchronized (this) {
            if (state == CANCELLED) {
                return true;
            }
            if (state != NEW) {
                return false;
            }
            state = RUNNING; // claimed; settle() publishes CANCELLED
        }
        pool.unqueue(runner);
        settle(CANCELLED, null, null);
        return true;
    }

    public T result() throws InterruptedException, ExecutionException {
        synchronized (this) {
            while (!(state >= OK && (settled || callbacks == null))) {
                wait();
            }
            return outcome();
        }
    }

    public T result(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long end = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (this) {
            while (state < OK) {
                long left = end - System.nanoTime();
                if (left <= 0L) {
                    throw new TimeoutException();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return outcome();
        }
    }

    private T outcome() throws ExecutionException {
        if (state == CANCELLED) {
            throw new CancellationException("the task was cancelled");
        }
        if (state == ERROR) {
            throw new ExecutionException(error);
        }
        return value;
    }

    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        synchronized (this) {
            if (callbacks != null) {
                callbacks.add(callback);
                return;
            }
        }
        callback.accept(this);
    }
}
