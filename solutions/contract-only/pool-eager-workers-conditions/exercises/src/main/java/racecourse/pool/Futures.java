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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** asCompleted registers its callbacks at the first next(); await counts completions via callbacks. */
public final class Futures {

    private Futures() {
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> snapshot = new ArrayList<>(futures);
        return () -> new Iterator<TaskFuture<T>>() {
            private final ReentrantLock lock = new ReentrantLock();
            private final Condition arrived = lock.newCondition();
            private final ArrayDeque<TaskFuture<T>> ready = new ArrayDeque<>();
            private boolean registered;
            private int remaining = snapshot.size();

            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            public TaskFuture<T> next() {
                if (remaining == 0) {
                    throw new NoSuchElementException();
                }
                if (!registered) {
                    registered = true;
                    for (TaskFuture<T> f : snapshot) {
                        f.addDoneCallback(done -> {
                            lock.lock();
                            try {
                                ready.add(f);
                                arrived.signal();
                            } finally {
                                lock.unlock();
                            }
                        });
                    }
                }
                lock.lock();
                try {
                    while (ready.isEmpty()) {
                        arrived.awaitUninterruptibly();
                    }
                    remaining--;
                    return ready.poll();
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    private static final class Tally {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        int done;
        int failed;
    }

    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        int total = list.size();
        Tally tally = new Tally();
        for (TaskFuture<T> f : list) {
            f.addDoneCallback(done -> {
                tally.lock.lock();
                try {
                    tally.done++;
                    if (f.isFailed()) {
                        tally.failed++;
                    }
                    tally.changed.signalAll();
                } finally {
                    tally.lock.unlock();
                }
            });
        }
        long nanos = unit.toNanos(timeout);
        tally.lock.lockInterruptibly();
        try {
            while (!satisfied(tally, total, returnWhen)) {
                if (nanos <= 0L) {
                    break;
                }
                nanos = tally.changed.awaitNanos(nanos);
            }
        } finally {
            tally.lock.unlock();
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

    private static boolean satisfied(Tally t, int total, ReturnWhen when) {
        switch (when) {
            case FIRST_COMPLETED:
                return t.done >= 1 || total == 0;
            case FIRST_EXCEPTION:
                return t.failed >= 1 || t.done >= total;
            default:
                return t.done >= total;
        }
    }
}
