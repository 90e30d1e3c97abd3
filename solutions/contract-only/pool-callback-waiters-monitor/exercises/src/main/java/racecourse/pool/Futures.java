package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /**
     * The futures in the order they complete. Each iterator registers one callback per future when it
     * is created; the callbacks append to the iterator's own inbox, and next() takes from it.
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        final List<TaskFuture<T>> snapshot = new ArrayList<>(futures);
        return () -> new Inbox<>(snapshot);
    }

    /** Completion-ordered iterator with its own monitor-guarded queue. */
    private static final class Inbox<T> implements Iterator<TaskFuture<T>> {
        private final ArrayDeque<TaskFuture<T>> arrived = new ArrayDeque<>(); // guarded by this
        private int remaining; // guarded by this: futures not yet handed out

        Inbox(List<TaskFuture<T>> futures) {
            remaining = futures.size();
            for (TaskFuture<T> f : futures) {
                f.addDoneCallback(done -> arrive(f));
            }
        }

        private synchronized void arrive(TaskFuture<T> f) {
            arrived.addLast(f);
            notifyAll();
        }

        @Override
        public synchronized boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public synchronized TaskFuture<T> next() {
            if (remaining == 0) {
                throw new NoSuchElementException();
            }
            boolean interrupted = false;
            while (arrived.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // next() cannot throw it: keep waiting, restore the flag after
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            remaining--;
            return arrived.removeFirst();
        }
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        final List<TaskFuture<T>> all = new ArrayList<>(futures);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter waiter = new Waiter();
        List<TaskFuture<T>> registered = new ArrayList<>();
        try {
            for (TaskFuture<T> f : all) {
                if (f.register(waiter)) {
                    registered.add(f);
                }
            }
            // every completion bumps the waiter; re-evaluate the condition after each one
            int seen = 0;
            while (!holds(all, returnWhen)) {
                seen++;
                if (seen > registered.size()) {
                    break; // every registered future completed: the condition is final
                }
                if (!waiter.awaitFired(seen, deadline)) {
                    break; // timed out
                }
            }
        } finally {
            for (TaskFuture<T> f : registered) {
                f.unregister(waiter);
            }
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : all) {
            (f.isDone() ? done : notDone).add(f);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean holds(List<TaskFuture<T>> all, ReturnWhen returnWhen) {
        int doneCount = 0;
        boolean failed = false;
        for (TaskFuture<T> f : all) {
            if (f.isDone()) {
                doneCount++;
                if (f.isFailed()) {
                    failed = true;
                }
            }
        }
        switch (returnWhen) {
            case FIRST_COMPLETED:
                return doneCount > 0 || all.isEmpty();
            case FIRST_EXCEPTION:
                return failed || doneCount == all.size();
            case ALL_COMPLETED:
            default:
                return doneCount == all.size();
        }
    }
}
