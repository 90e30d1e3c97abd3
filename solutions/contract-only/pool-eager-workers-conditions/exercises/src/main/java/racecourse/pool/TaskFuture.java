package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** ReentrantLock + Condition; callbacks taken out under the lock and run after it. */
public class TaskFuture<T> {
    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final Callable<T> task;
    private int state = PENDING;
    private T value;
    private Throwable failure;
    private final List<Consumer<? super TaskFuture<T>>> callbacks = new ArrayList<>();

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    void runTask() {
        lock.lock();
        try {
            if (state != PENDING) {
                return;
            }
            state = RUNNING;
        } finally {
            lock.unlock();
        }
        try {
            complete(DONE, task.call(), null);
        } catch (Throwable t) {
            complete(FAILED, null, t);
        }
    }

    private void complete(int end, T v, Throwable t) {
        List<Consumer<? super TaskFuture<T>>> toRun;
        lock.lock();
        try {
            value = v;
            failure = t;
            state = end;
            finished.signalAll();
            toRun = new ArrayList<>(callbacks);
            callbacks.clear();
        } finally {
            lock.unlock();
        }
        toRun.forEach(this::invoke);
    }

    private void invoke(Consumer<? super TaskFuture<T>> cb) {
        try {
            cb.accept(this);
        } catch (RuntimeException | Error e) {
            // ignore failing callbacks
        }
    }

    private boolean doneLocked() {
        return state >= DONE;
    }

    public boolean isDone() {
        lock.lock();
        try {
            return doneLocked();
        } finally {
            lock.unlock();
        }
    }

    boolean isFailed() {
        lock.lock();
        try {
            return state == FAILED;
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return state == CANCELLED;
        } finally {
            lock.unlock();
        }
    }

    public boolean cancel() {
        lock.lock();
        try {
            if (state == CANCELLED) {
                return true;
            }
            if (state != PENDING) {
                return false;
            }
            state = RUNNING; // claim the transition; complete() below publishes CANCELLED
        } finally {
            lock.unlock();
        }
        complete(CANCELLED, null, null);
        return true;
    }

    public T result() throws InterruptedException, ExecutionException {
        lock.lockInterruptibly();
        try {
            while (!doneLocked()) {
                finished.await();
            }
            return outcomeLocked();
        } finally {
            lock.unlock();
        }
    }

    public T result(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!doneLocked()) {
                if (nanos <= 0L) {
                    throw new TimeoutException();
                }
                nanos = finished.awaitNanos(nanos);
            }
            return outcomeLocked();
        } finally {
            lock.unlock();
        }
    }

    private T outcomeLocked() throws ExecutionException {
        if (state == CANCELLED) {
            throw new CancellationException();
        }
        if (state == FAILED) {
            throw new ExecutionException(failure);
        }
        return value;
    }

    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        lock.lock();
        try {
            if (!doneLocked()) {
                callbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        invoke(callback);
    }
}
