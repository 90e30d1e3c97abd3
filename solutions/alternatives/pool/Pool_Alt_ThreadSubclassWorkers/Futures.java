package racecourse.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /** A per-call wake-up: callbacks bump it, waiters re-scan their futures after each bump. */
    private static final class Pulse {
        synchronized void bump() {
            notifyAll();
        }
    }

    /**
     * The futures in the order they complete. Lazy like a Python generator: callbacks are registered
     * at the first hasNext()/next(); each next() hands out, among the done futures not yet handed
     * out, the one with the smallest completion stamp.
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> snapshot = new ArrayList<>(futures);
        return () -> new Iterator<TaskFuture<T>>() {
            private final List<TaskFuture<T>> pending = new ArrayList<>(snapshot);
            private final Pulse pulse = new Pulse();
            private boolean registered;

            private void register() {
                if (!registered) {
                    registered = true;
                    for (TaskFuture<T> f : pending) {
                        f.addDoneCallback(done -> pulse.bump());
                    }
                }
            }

            @Override
            public boolean hasNext() {
                register();
                return !pending.isEmpty();
            }

            @Override
            public TaskFuture<T> next() {
                register();
                if (pending.isEmpty()) {
                    throw new NoSuchElementException();
                }
                boolean interrupted = false;
                try {
                    synchronized (pulse) {
                        while (true) {
                            int best = -1;
                            long bestStamp = Long.MAX_VALUE;
                            for (int i = 0; i < pending.size(); i++) {
                                long s = pending.get(i).stamp();
                                if (s != 0 && s < bestStamp) {
                                    bestStamp = s;
                                    best = i;
                                }
                            }
                            if (best >= 0) {
                                return pending.remove(best);
                            }
                            try {
                                pulse.wait();
                            } catch (InterruptedException e) {
                                interrupted = true;
                            }
                        }
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        Pulse pulse = new Pulse();
        for (TaskFuture<T> f : list) {
            f.addDoneCallback(done -> pulse.bump());
        }
        long total = unit.toNanos(timeout);
        long start = System.nanoTime();
        synchronized (pulse) {
            while (!holds(list, returnWhen)) {
                long left = total - (System.nanoTime() - start);
                if (left <= 0L) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(pulse, left);
            }
        }
        Set<TaskFuture<T>> done = new HashSet<>();
        Set<TaskFuture<T>> notDone = new HashSet<>();
        for (TaskFuture<T> f : list) {
            (f.isDone() ? done : notDone).add(f);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean holds(List<TaskFuture<T>> list, ReturnWhen when) {
        int doneCount = 0;
        for (TaskFuture<T> f : list) {
            if (f.isDone()) {
                doneCount++;
                if (when == ReturnWhen.FIRST_COMPLETED) {
                    return true;
                }
                if (when == ReturnWhen.FIRST_EXCEPTION && f.failed()) {
                    return true;
                }
            }
        }
        return doneCount == list.size();
    }
}
