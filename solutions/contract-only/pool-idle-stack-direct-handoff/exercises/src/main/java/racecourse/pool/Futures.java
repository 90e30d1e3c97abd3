package racecourse.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}.
 *
 * <p>Design: {@code asCompleted} registers its callbacks at the call; they append to one
 * completion log, and every iterator reads that log through a cursor of its own (so the
 * returned Iterable can be iterated more than once, each pass in completion order).
 * {@code await} does not rescan the futures while it waits: done callbacks keep a tally of
 * completions and failures that it compares with its condition.
 */
public final class Futures {

    private Futures() {
    }

    private static final class CompletionLog<T> {
        private final List<TaskFuture<T>> order = new ArrayList<>();
        private final int total;

        CompletionLog(int total) {
            this.total = total;
        }

        synchronized void append(TaskFuture<T> future) {
            order.add(future);
            notifyAll();
        }

        Iterator<TaskFuture<T>> cursor() {
            return new Iterator<TaskFuture<T>>() {
                private int position;

                @Override
                public boolean hasNext() {
                    synchronized (CompletionLog.this) {
                        return position < total;
                    }
                }

                @Override
                public TaskFuture<T> next() {
                    synchronized (CompletionLog.this) {
                        if (position >= total) {
                            throw new NoSuchElementException();
                        }
                        while (position >= order.size()) {
                            try {
                                CompletionLog.this.wait();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted in asCompleted", e);
                            }
                        }
                        return order.get(position++);
                    }
                }
            };
        }
    }

    /** The futures in the order they complete. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        CompletionLog<T> log = new CompletionLog<>(distinct.size());
        for (TaskFuture<T> future : distinct) {
            future.addDoneCallback(f -> log.append(future));
        }
        return log::cursor;
    }

    private static final class Tally {
        int done;
        int failed;
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(returnWhen, "returnWhen");
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        int total = distinct.size();
        long budget = unit.toNanos(timeout);
        long begin = System.nanoTime();
        Tally tally = new Tally();
        for (TaskFuture<T> future : distinct) {
            future.addDoneCallback(f -> {
                boolean failed = future.endedWithException();
                synchronized (tally) {
                    tally.done++;
                    if (failed) {
                        tally.failed++;
                    }
                    tally.notifyAll();
                }
            });
        }
        synchronized (tally) {
            while (!holds(tally, total, returnWhen)) {
                long left = budget - (System.nanoTime() - begin);
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(tally, left);
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

    private static boolean holds(Tally tally, int total, ReturnWhen returnWhen) {
        boolean all = tally.done == total;
        switch (returnWhen) {
            case FIRST_COMPLETED:
                return tally.done > 0 || all;
            case FIRST_EXCEPTION:
                return tally.failed > 0 || all;
            default:
                return all;
        }
    }
}
