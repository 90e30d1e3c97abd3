package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}.
 *
 * <p>Design: every completion releases one permit of a {@link Semaphore}; the waiting thread
 * acquires a permit, then re-examines the futures. {@code asCompleted} registers its callbacks
 * lazily, at the first {@code hasNext()}/{@code next()} of each iterator.
 */
public final class Futures {

    private Futures() {
    }

    /** The futures in the order they complete. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        return () -> new Iterator<TaskFuture<T>>() {
            private final Semaphore arrivals = new Semaphore(0);
            private final ArrayDeque<TaskFuture<T>> arrived = new ArrayDeque<>();
            private boolean registered;
            private int handedOut;

            private void registerOnce() {
                if (registered) {
                    return;
                }
                registered = true;
                for (TaskFuture<T> future : distinct) {
                    future.addDoneCallback(f -> {
                        synchronized (arrived) {
                            arrived.add(future);
                        }
                        arrivals.release();
                    });
                }
            }

            @Override
            public synchronized boolean hasNext() {
                registerOnce();
                return handedOut < distinct.size();
            }

            @Override
            public synchronized TaskFuture<T> next() {
                registerOnce();
                if (handedOut == distinct.size()) {
                    throw new NoSuchElementException();
                }
                try {
                    arrivals.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the next future", e);
                }
                handedOut++;
                synchronized (arrived) {
                    return arrived.poll();
                }
            }
        };
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(returnWhen, "returnWhen");
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        long nanos = unit.toNanos(timeout);
        long start = System.nanoTime();
        Semaphore completions = new Semaphore(0);
        for (TaskFuture<T> future : distinct) {
            future.addDoneCallback(f -> completions.release());
        }
        while (!satisfied(distinct, returnWhen)) {
            long left = nanos - (System.nanoTime() - start);
            if (left <= 0) {
                break;
            }
            if (completions.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                completions.drainPermits();
            }
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> future : distinct) {
            if (future.isDone()) {
                done.add(future);
            } else {
                notDone.add(future);
            }
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean satisfied(List<TaskFuture<T>> futures, ReturnWhen returnWhen) {
        int done = 0;
        boolean failed = false;
        for (TaskFuture<T> future : futures) {
            if (future.isDone()) {
                done++;
                failed |= future.hasFailed();
            }
        }
        boolean all = done == futures.size();
        switch (returnWhen) {
            case FIRST_COMPLETED:
                return done > 0 || all;
            case FIRST_EXCEPTION:
                return failed || all;
            case ALL_COMPLETED:
            default:
                return all;
        }
    }
}
