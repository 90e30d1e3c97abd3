package racecourse.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** asCompleted with callbacks registered at the call; await with a per-call monitor and a nanoTime deadline. */
public final class Futures {

    private Futures() {
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> all = new ArrayList<>(futures);
        LinkedList<TaskFuture<T>> finished = new LinkedList<>();
        for (TaskFuture<T> f : all) {
            f.addDoneCallback(x -> {
                synchronized (finished) {
                    finished.add(f);
                    finished.notifyAll();
                }
            });
        }
        return () -> new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                return given < all.size();
            }

            @Override
            public TaskFuture<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (finished) {
                    while (finished.isEmpty()) {
                        try {
                            finished.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted while waiting for the next future", e);
                        }
                    }
                    given++;
                    return finished.removeFirst();
                }
            }
        };
    }

    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> all = new ArrayList<>(futures);
        Object signal = new Object();
        for (TaskFuture<T> f : all) {
            f.addDoneCallback(x -> {
                synchronized (signal) {
                    signal.notifyAll();
                }
            });
        }
        long end = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (signal) {
            while (!condition(all, returnWhen)) {
                long left = end - System.nanoTime();
                if (left <= 0L) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
        Set<TaskFuture<T>> done = new HashSet<>();
        Set<TaskFuture<T>> notDone = new HashSet<>();
        for (TaskFuture<T> f : all) {
            (f.isDone() ? done : notDone).add(f);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean condition(List<TaskFuture<T>> all, ReturnWhen when) {
        boolean allDone = true;
        for (TaskFuture<T> f : all) {
            if (!f.isDone()) {
                allDone = false;
            } else if (when == ReturnWhen.FIRST_COMPLETED || (when == ReturnWhen.FIRST_EXCEPTION && f.failed())) {
                return true;
            }
        }
        return allDone;
    }
}
