package racecourse.pool;

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

    /** The futures in the order they complete. Callbacks are registered at the call. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        final List<TaskFuture<T>> snapshot = new ArrayList<>(futures);
        final CompletionQueue<T> first = new CompletionQueue<>(snapshot);
        return new Iterable<>() {
            private boolean firstUsed;

            @Override
            public synchronized Iterator<TaskFuture<T>> iterator() {
                CompletionQueue<T> queue = firstUsed ? new CompletionQueue<>(snapshot) : first;
                firstUsed = true;
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return queue.hasMore();
                    }

                    @Override
                    public TaskFuture<T> next() {
                        boolean wasInterrupted = Thread.interrupted();
                        TaskFuture<T> f = queue.takeUninterruptibly();
                        if (wasInterrupted) {
                            Thread.currentThread().interrupt();
                        }
                        if (f == null) {
                            throw new NoSuchElementException();
                        }
                        return f;
                    }
                };
            }
        };
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        final List<TaskFuture<T>> all = new ArrayList<>(futures);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        CompletionQueue<T> queue = new CompletionQueue<>(all);
        int completed = 0;
        boolean failed = false;
        while (!holds(returnWhen, completed, all.size(), failed)) {
            TaskFuture<T> f = queue.poll(deadline - System.nanoTime());
            if (f == null) {
                break; // timeout
            }
            completed++;
            failed |= f.isFailed();
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : all) {
            if (f.isDone()) {
                done.add(f);
            } else {
                notDone.add(f);
            }
        }
        return new WaitResult<>(done, notDone);
    }

    private static boolean holds(ReturnWhen when, int completed, int total, boolean failed) {
        switch (when) {
            case FIRST_COMPLETED:
                return completed > 0 || total == 0;
            case FIRST_EXCEPTION:
                return failed || completed == total;
            default:
                return completed == total;
        }
    }
}
