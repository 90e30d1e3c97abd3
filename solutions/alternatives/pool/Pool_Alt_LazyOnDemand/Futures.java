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

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /**
     * The futures in the order they complete.
     *
     * <p>Lazy, like Python's generator: nothing happens at the call; each iterator registers its
     * done callbacks at its first {@code hasNext()}/{@code next()}. Futures done by then come
     * first (in any order among themselves), then each {@code next()} waits for one more.
     * A duplicate in {@code futures} is yielded once (as Python's {@code as_completed(set(fs))}).
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> distinct = distinct(futures);
        return () -> new Completions<>(distinct);
    }

    /**
     * Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done.
     *
     * <p>Built on the same lazy completion iterator, with a timed take.
     */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(returnWhen, "returnWhen");
        List<TaskFuture<T>> distinct = distinct(futures);
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;

        Completions<T> completions = new Completions<>(distinct);
        int done = 0;
        int failed = 0;
        while (!holds(returnWhen, distinct.size(), done, failed)) {
            // futures already done are handed over at once, without waiting
            TaskFuture<T> f = completions.take(nanos <= 0L ? 0L : deadline - System.nanoTime());
            if (f == null) {
                break; // timed out
            }
            done++;
            if (f.isFailed()) {
                failed++;
            }
        }

        Set<TaskFuture<T>> doneSet = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDoneSet = new LinkedHashSet<>();
        for (TaskFuture<T> f : distinct) {
            (f.isDone() ? doneSet : notDoneSet).add(f);
        }
        return new WaitResult<>(doneSet, notDoneSet);
    }

    private static boolean holds(ReturnWhen returnWhen, int total, int done, int failed) {
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

    private static <T> List<TaskFuture<T>> distinct(Collection<TaskFuture<T>> futures) {
        Objects.requireNonNull(futures, "futures");
        Set<TaskFuture<T>> distinct = new LinkedHashSet<>();
        for (TaskFuture<T> f : futures) {
            distinct.add(Objects.requireNonNull(f, "null future"));
        }
        return new ArrayList<>(distinct);
    }

    /** One lazy as-completed iteration; its callbacks are registered on first use. */
    private static final class Completions<T> implements Iterator<TaskFuture<T>> {
        private final Object monitor = new Object();
        private final List<TaskFuture<T>> futures;

        // guarded by monitor
        private final ArrayDeque<TaskFuture<T>> completed = new ArrayDeque<>();
        private boolean registered;
        private int handedOut;

        Completions(List<TaskFuture<T>> futures) {
            this.futures = futures;
        }

        /** Registers the callbacks once, outside the monitor (a done future calls back at once). */
        private void register() {
            synchronized (monitor) {
                if (registered) {
                    return;
                }
                registered = true;
            }
            for (TaskFuture<T> f : futures) {
                f.addDoneCallback(this::completed);
            }
        }

        private void completed(TaskFuture<T> f) {
            synchronized (monitor) {
                completed.addLast(f);
                monitor.notifyAll();
            }
        }

        @Override
        public boolean hasNext() {
            register();
            synchronized (monitor) {
                return handedOut < futures.size();
            }
        }

        /** Blocks until one more future is done; an interrupt does not end the wait (it is kept set). */
        @Override
        public TaskFuture<T> next() {
            register();
            boolean interrupted = false;
            try {
                synchronized (monitor) {
                    if (handedOut >= futures.size()) {
                        throw new NoSuchElementException();
                    }
                    handedOut++;
                    while (completed.isEmpty()) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    return completed.pollFirst();
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The next done future, waiting at most {@code nanos}; null on timeout or when all were taken. */
        TaskFuture<T> take(long nanos) throws InterruptedException {
            register();
            long deadline = System.nanoTime() + nanos;
            synchronized (monitor) {
                if (handedOut >= futures.size()) {
                    return null;
                }
                while (completed.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (nanos <= 0L || left <= 0L) {
                        return null;
                    }
                    TaskFuture.waitNanos(monitor, left);
                }
                handedOut++;
                return completed.pollFirst();
            }
        }
    }
}
