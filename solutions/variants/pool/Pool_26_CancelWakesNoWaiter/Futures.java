package racecourse.pool;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /** The futures in the order they complete. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        Object lock = new Object();
        ArrayDeque<TaskFuture<T>> ready = new ArrayDeque<>();
        int total = futures.size();
        for (TaskFuture<T> f : futures) {
            f.addDoneCallback(done -> {
                synchronized (lock) {
                    ready.addLast(f);
                    lock.notifyAll();
                }
            });
        }
        return () -> new Iterator<TaskFuture<T>>() {
            private int handedOut;

            @Override
            public boolean hasNext() {
                synchronized (lock) {
                    return handedOut < total;
                }
            }

            @Override
            public TaskFuture<T> next() {
                synchronized (lock) {
                    if (handedOut >= total) {
                        throw new NoSuchElementException();
                    }
                    while (ready.isEmpty()) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted while waiting for a future", e);
                        }
                    }
                    handedOut++;
                    return ready.pollFirst();
                }
            }
        };
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Object lock = new Object();
        for (TaskFuture<T> f : futures) {
            f.addDoneCallback(done -> {
                synchronized (lock) {
                    lock.notifyAll();
                }
            });
        }
        long nanos = unit.toNanos(timeout);
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            while (!holds(futures, returnWhen)) {
                if (nanos <= 0) {
                    break;
                }
                lock.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
                nanos = deadline - System.nanoTime();
            }
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : futures) {
            if (f.isDone()) {
                done.add(f);
            } else {
                notDone.add(f);
            }
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean holds(Collection<TaskFuture<T>> futures, ReturnWhen returnWhen) {
        boolean allDone = true;
        boolean anyDone = false;
        boolean anyFailed = false;
        for (TaskFuture<T> f : futures) {
            if (f.isDone()) {
                anyDone = true;
                if (f.isFailed()) {
                    anyFailed = true;
                }
            } else {
                allDone = false;
            }
        }
        switch (returnWhen) {
            case FIRST_COMPLETED:
                return anyDone || allDone;
            case FIRST_EXCEPTION:
                return anyFailed || allDone;
            default:
                return allDone;
        }
    }
}
