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

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /**
     * The futures in the order they complete.
     *
     * <p>Callbacks are registered at the call; they append each future to a completion log
     * (a private monitor). Every iterator has its own cursor into that log, so the returned
     * Iterable can be iterated more than once. A duplicate in {@code futures} is yielded once
     * (as Python's {@code as_completed(set(fs))}).
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        Set<TaskFuture<T>> distinct = distinct(futures);
        CompletionLog<T> log = new CompletionLog<>(distinct.size());
        for (TaskFuture<T> f : distinct) {
            f.addDoneCallback(log::append);
        }
        return () -> new Iterator<TaskFuture<T>>() {
            private int cursor; // guarded by log's monitor

            @Override
            public boolean hasNext() {
                synchronized (log) {
                    return cursor < log.total;
                }
            }

            /** Blocks until one more future is done; an interrupt does not end the wait (it is kept set). */
            @Override
            public TaskFuture<T> next() {
                synchronized (log) {
                    if (cursor >= log.total) {
                        throw new NoSuchElementException();
                    }
                    return log.awaitEntry(cursor++);
                }
            }
        };
    }

    /**
     * Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done.
     *
     * <p>No polling: a done callback on every future counts it in a private monitor and wakes the caller.
     */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(returnWhen, "returnWhen");
        Set<TaskFuture<T>> distinct = distinct(futures);
        long nanos = unit.toNanos(timeout);

        Tally tally = new Tally(returnWhen, distinct.size());
        for (TaskFuture<T> f : distinct) {
            f.addDoneCallback(done -> tally.count(done.isFailed()));
        }
        tally.awaitCondition(nanos);

        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : distinct) {
            if (f.isDone()) {
                done.add(f);
            } else {
                notDone.add(f);
            }
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> Set<TaskFuture<T>> distinct(Collection<TaskFuture<T>> futures) {
        Objects.requireNonNull(futures, "futures");
        Set<TaskFuture<T>> distinct = new LinkedHashSet<>();
        for (TaskFuture<T> f : futures) {
            distinct.add(Objects.requireNonNull(f, "null future"));
        }
        return distinct;
    }

    /** Counts finished futures for one {@link #await} call; its own monitor. */
    private static final class Tally {
        private final ReturnWhen returnWhen;
        private final int total;
        private int done;   // guarded by this
        private int failed; // guarded by this

        Tally(ReturnWhen returnWhen, int total) {
            this.returnWhen = returnWhen;
            this.total = total;
        }

        synchronized void count(boolean hasFailed) {
            done++;
            if (hasFailed) {
                failed++;
            }
            notifyAll();
        }

        synchronized void awaitCondition(long nanos) throws InterruptedException {
            if (satisfied() || nanos <= 0L) {
                return;
            }
            long deadline = System.nanoTime() + nanos;
            long left = nanos;
            while (!satisfied() && left > 0L) {
                TimeUnit.NANOSECONDS.timedWait(this, left); // sub-millisecond safe
                left = deadline - System.nanoTime();
            }
        }

        private boolean satisfied() {
            if (done >= total) {
                return true;
            }
            switch (returnWhen) {
                case FIRST_COMPLETED:
                    return done > 0;
                case FIRST_EXCEPTION:
                    return failed > 0;
                default:
                    return false;
            }
        }
    }

    /** Append-only log of the futures in completion order; its own monitor. */
    private static final class CompletionLog<T> {
        final int total;
        private final List<TaskFuture<T>> entries = new ArrayList<>(); // guarded by this

        CompletionLog(int total) {
            this.total = total;
        }

        synchronized void append(TaskFuture<T> f) {
            entries.add(f);
            notifyAll();
        }

        /** Called holding the monitor; waits until entry {@code index} exists. */
        TaskFuture<T> awaitEntry(int index) {
            boolean interrupted = false;
            try {
                while (entries.size() <= index) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                return entries.get(index);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
