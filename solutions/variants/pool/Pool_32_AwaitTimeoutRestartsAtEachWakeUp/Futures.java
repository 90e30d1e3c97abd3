package racecourse.pool;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Reference solution: both helpers register a done-callback on every future and wait on a private monitor. */
public final class Futures {

    private Futures() {
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        ArrayDeque<TaskFuture<T>> finished = new ArrayDeque<>();
        int total = futures.size();
        for (TaskFuture<T> f : futures) {
            f.addDoneCallback(done -> {
                synchronized (finished) {
                    finished.addLast(f);
                    finished.notifyAll();
                }
            });
        }
        return () -> new Iterator<>() {
            private int handedOut;

            @Override
            public boolean hasNext() {
                return handedOut < total;
            }

            @Override
            public TaskFuture<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (finished) {
                    boolean interrupted = false;
                    while (finished.isEmpty()) {
                        try {
                            finished.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    handedOut++;
                    return finished.removeFirst();
                }
            }
        };
    }

    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Object signal = new Object();
        for (TaskFuture<T> f : futures) {
            f.addDoneCallback(done -> {
                synchronized (signal) {
                    signal.notifyAll();
                }
            });
        }
        long wait = unit.toNanos(timeout);
        synchronized (signal) {
            while (!satisfied(futures, returnWhen)) {
                // BUG: the timeout starts again at each wake-up; only one wait that lasted all of it ends the loop.
                long before = System.nanoTime();
                TimeUnit.NANOSECONDS.timedWait(signal, wait);
                if (System.nanoTime() - before >= wait) {
                    break;
                }
            }
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : futures) {
            (f.isDone() ? done : notDone).add(f);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean satisfied(Collection<TaskFuture<T>> futures, ReturnWhen when) {
        int done = 0;
        for (TaskFuture<T> f : futures) {
            if (f.isDone()) {
                done++;
                if (when == ReturnWhen.FIRST_COMPLETED) {
                    return true;
                }
                if (when == ReturnWhen.FIRST_EXCEPTION && f.failed()) {
                    return true;
                }
            }
        }
        return done == futures.size();
    }
}
