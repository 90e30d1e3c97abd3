package racecourse.pool;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** asCompleted registers callbacks at the call into its own queue-like monitor; await uses one shared monitor. */
public final class Futures {

    private Futures() {
    }

    private static final class Inbox<T> {
        private final ArrayDeque<TaskFuture<T>> arrived = new ArrayDeque<>();

        synchronized void add(TaskFuture<T> f) {
            arrived.add(f);
            notifyAll();
        }

        synchronized TaskFuture<T> next() throws InterruptedException {
            while (arrived.isEmpty()) {
                wait();
            }
            return arrived.poll();
        }
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        Set<TaskFuture<T>> unique = new LinkedHashSet<>(futures);
        int total = unique.size();
        Inbox<T> inbox = new Inbox<>();
        for (TaskFuture<T> f : unique) {
            f.addDoneCallback(done -> inbox.add(f));
        }
        Iterator<TaskFuture<T>> it = new Iterator<>() {
            private int handed;

            @Override
            public boolean hasNext() {
                return handed < total;
            }

            @Override
            public TaskFuture<T> next() {
                if (handed >= total) {
                    throw new NoSuchElementException();
                }
                try {
                    TaskFuture<T> f = inbox.next();
                    handed++;
                    return f;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a future", e);
                }
            }
        };
        return () -> it;
    }

    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Object monitor = new Object();
        for (TaskFuture<T> f : futures) {
            f.addDoneCallback(done -> {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            });
        }
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (!holds(futures, returnWhen)) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    break;
                }
                monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : futures) {
            (f.isDone() ? done : notDone).add(f);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean holds(Collection<TaskFuture<T>> futures, ReturnWhen when) {
        int done = 0;
        for (TaskFuture<T> f : futures) {
            if (f.isDone()) {
                done++;
                if (when == ReturnWhen.FIRST_COMPLETED) {
                    return true;
                }
                if (when == ReturnWhen.FIRST_EXCEPTION && f.isFailed()) {
                    return true;
                }
            }
        }
        return done == futures.size();
    }
}
