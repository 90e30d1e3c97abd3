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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}.
 *
 * <p>The futures may come from different pools (different locks), so each call has a lock and a
 * Condition of its own that the futures' done callbacks signal.
 */
public final class Futures {

    private Futures() {
    }

    /** The futures in the order they complete. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        return () -> {
            ReentrantLock lock = new ReentrantLock();
            Condition arrived = lock.newCondition();
            ArrayDeque<TaskFuture<T>> ready = new ArrayDeque<>();
            for (TaskFuture<T> future : distinct) {
                future.addDoneCallback(f -> {
                    lock.lock();
                    try {
                        ready.addLast(future);
                        arrived.signalAll();
                    } finally {
                        lock.unlock();
                    }
                });
            }
            return new Iterator<TaskFuture<T>>() {
                private int left = distinct.size();

                @Override
                public boolean hasNext() {
                    lock.lock();
                    try {
                        return left > 0;
                    } finally {
                        lock.unlock();
                    }
                }

                @Override
                public TaskFuture<T> next() {
                    lock.lock();
                    try {
                        if (left == 0) {
                            throw new NoSuchElementException();
                        }
                        while (ready.isEmpty()) {
                            try {
                                arrived.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted while waiting", e);
                            }
                        }
                        left--;
                        return ready.pollFirst();
                    } finally {
                        lock.unlock();
                    }
                }
            };
        };
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(returnWhen, "returnWhen");
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        for (TaskFuture<T> future : distinct) {
            future.addDoneCallback(f -> {
                lock.lock();
                try {
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            });
        }
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!met(distinct, returnWhen) && nanos > 0L) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
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

    private static <T> boolean met(List<TaskFuture<T>> futures, ReturnWhen returnWhen) {
        int done = 0;
        for (TaskFuture<T> future : futures) {
            if (future.isDone()) {
                done++;
                if (returnWhen == ReturnWhen.FIRST_EXCEPTION && future.raised()) {
                    return true;
                }
            }
        }
        if (returnWhen == ReturnWhen.FIRST_COMPLETED) {
            return done > 0 || futures.isEmpty();
        }
        return done == futures.size();
    }
}
