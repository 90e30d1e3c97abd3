package racecourse.pool;

// BUG VARIANT Pool_10_AsCompletedDoesNotBlock: asCompleted sorts the futures once, done ones first, and hands out the rest without waiting for them

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Reference solution: both helpers register a done-callback on every future and wait on a private monitor. */
public final class Futures {

    private Futures() {
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        // One look at the call: the futures already done come first, then the others in the order
        // given. Nothing waits, so next() hands out futures that have not completed yet.
        List<TaskFuture<T>> order = new ArrayList<>(futures.size());
        List<TaskFuture<T>> pending = new ArrayList<>();
        for (TaskFuture<T> f : futures) {
            (f.isDone() ? order : pending).add(f);
        }
        order.addAll(pending);
        return order;
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
