package racecourse.pool;

// BUG VARIANT Pool_09_AsCompletedInSubmissionOrder: asCompleted waits for the futures one by one in the order given and yields them in that order

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Reference solution: both helpers register a done-callback on every future and wait on a private monitor. */
public final class Futures {

    private Futures() {
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> given = new ArrayList<>(futures);
        int total = given.size();
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
                // Waits for the next future in the order given, not for whichever completes first:
                // a quick future behind a slow one is held back, so the order is submission order.
                TaskFuture<T> f = given.get(handedOut);
                boolean interrupted = false;
                while (!f.isDone()) {
                    try {
                        f.result();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException | CancellationException e) {
                        // done either way; the caller asks the future itself
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                handedOut++;
                return f;
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
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (signal) {
            while (!satisfied(futures, returnWhen)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
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
