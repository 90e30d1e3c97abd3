package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * asCompleted registers its callbacks at the call into a LIFO inbox: futures that are already done
 * when next() is called come newest first (any order is allowed among them); a next() that finds the
 * inbox empty waits and yields the first future that completes meanwhile. await re-checks after
 * each callback.
 */
public final class Futures {

    private Futures() {
    }

    private static final class Inbox<T> {
        final ArrayDeque<TaskFuture<T>> stack = new ArrayDeque<>();

        synchronized void push(TaskFuture<T> f) {
            stack.push(f);
            notifyAll();
        }

        synchronized TaskFuture<T> pop() {
            if (!stack.isEmpty()) {
                return stack.pop(); // already done when next() was called: newest first
            }
            while (stack.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted in asCompleted", e);
                }
            }
            return stack.pollLast(); // waited: the first to complete while this next() waited
        }
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        Inbox<T> inbox = new Inbox<>();
        for (TaskFuture<T> f : list) {
            f.addDoneCallback(d -> inbox.push(f));
        }
        int total = list.size();
        int[] given = {0};
        Iterator<TaskFuture<T>> it = new Iterator<>() {
            @Override
            public boolean hasNext() {
                synchronized (given) {
                    return given[0] < total;
                }
            }

            @Override
            public TaskFuture<T> next() {
                synchronized (given) {
                    if (given[0] >= total) {
                        throw new NoSuchElementException();
                    }
                    given[0]++;
                }
                return inbox.pop();
            }
        };
        return () -> it;
    }

    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        Object bell = new Object();
        for (TaskFuture<T> f : list) {
            f.addDoneCallback(d -> {
                synchronized (bell) {
                    bell.notifyAll();
                }
            });
        }
        long remaining = unit.toNanos(timeout);
        long last = System.nanoTime();
        synchronized (bell) {
            while (!met(list, returnWhen)) {
                if (remaining <= 0L) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(bell, remaining);
                long now = System.nanoTime();
                remaining -= now - last;
                last = now;
            }
        }
        Set<TaskFuture<T>> done = new HashSet<>();
        Set<TaskFuture<T>> notDone = new HashSet<>();
        for (TaskFuture<T> f : list) {
            if (f.isDone()) {
                done.add(f);
            } else {
                notDone.add(f);
            }
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean met(List<TaskFuture<T>> list, ReturnWhen when) {
        int done = 0;
        int failed = 0;
        for (TaskFuture<T> f : list) {
            if (f.isDone()) {
                done++;
                if (f.isFailed()) {
                    failed++;
                }
            }
        }
        switch (when) {
            case FIRST_COMPLETED:
                return done > 0 || list.isEmpty();
            case FIRST_EXCEPTION:
                return failed > 0 || done == list.size();
            default:
                return done == list.size();
        }
    }
}
