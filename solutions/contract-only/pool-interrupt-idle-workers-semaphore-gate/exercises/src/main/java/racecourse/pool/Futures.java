package racecourse.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /** The futures in the order they complete: callbacks registered at the call fill a bounded inbox. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        ArrayBlockingQueue<TaskFuture<T>> inbox = new ArrayBlockingQueue<>(Math.max(1, list.size()));
        for (TaskFuture<T> f : list) {
            f.addDoneCallback(inbox::add); // one callback per entry: the inbox never overflows
        }
        Iterator<TaskFuture<T>> it = new Iterator<>() {
            private int remaining = list.size();

            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            public TaskFuture<T> next() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                boolean interrupted = false;
                try {
                    while (true) {
                        try {
                            TaskFuture<T> f = inbox.take();
                            remaining--;
                            return f;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        return () -> it;
    }

    /**
     * Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done.
     * The completions are counted as they arrive in an inbox filled by done callbacks.
     */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        int n = list.size();
        if (n > 0) {
            ArrayBlockingQueue<TaskFuture<T>> inbox = new ArrayBlockingQueue<>(n);
            for (TaskFuture<T> f : list) {
                f.addDoneCallback(inbox::add);
            }
            long budget = unit.toNanos(timeout);
            long began = System.nanoTime();
            int done = 0;
            boolean failureSeen = false;
            while (done < n
                    && !(returnWhen == ReturnWhen.FIRST_COMPLETED && done > 0)
                    && !(returnWhen == ReturnWhen.FIRST_EXCEPTION && failureSeen)) {
                long left = budget - (System.nanoTime() - began);
                TaskFuture<T> f = left > 0L ? inbox.poll(left, TimeUnit.NANOSECONDS) : inbox.poll();
                if (f == null) {
                    if (left <= 0L) {
                        break;
                    }
                    continue; // the timed poll ran out: the next round sees no time left
                }
                done++;
                failureSeen |= f.failed();
            }
        }
        Set<TaskFuture<T>> doneSet = new HashSet<>();
        Set<TaskFuture<T>> notDoneSet = new HashSet<>();
        for (TaskFuture<T> f : list) {
            if (f.isDone()) {
                doneSet.add(f);
            } else {
                notDoneSet.add(f);
            }
        }
        return new WaitResult<>(doneSet, notDoneSet);
    }
}
