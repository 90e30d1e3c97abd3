package racecourse.pool;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /**
     * The futures in the order they complete.
     *
     * <p>Eager: the done callbacks are registered right here, at the call; they hand the futures
     * over through a lock-protected deque. The first iterator reads that deque; any further
     * {@code iterator()} call registers afresh (futures done by then come first, in any order).
     * A duplicate in {@code futures} is yielded once (as Python's {@code as_completed(set(fs))}).
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        Set<TaskFuture<T>> distinct = distinct(futures);
        CompletionDeque<T> eager = new CompletionDeque<>(distinct);
        return new Iterable<>() {
            private final ReentrantLock lock = new ReentrantLock(true);
            private boolean eagerHandedOut;

            @Override
            public Iterator<TaskFuture<T>> iterator() {
                lock.lock();
                try {
                    if (!eagerHandedOut) {
                        eagerHandedOut = true;
                        return eager;
                    }
                } finally {
                    lock.unlock();
                }
                return new CompletionDeque<>(distinct);
            }
        };
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(returnWhen, "returnWhen");
        Set<TaskFuture<T>> distinct = distinct(futures);
        long nanos = unit.toNanos(timeout);

        // Like Python's wait(): install a waiter in every future, wait on it, uninstall it.
        Waiter waiter = new Waiter(returnWhen, distinct.size());
        try {
            for (TaskFuture<T> f : distinct) {
                if (!f.installWaiter(waiter)) {
                    waiter.futureDone(f.isFailed()); // already done
                }
            }
            waiter.await(nanos);
        } finally {
            for (TaskFuture<T> f : distinct) {
                f.removeWaiter(waiter);
            }
        }

        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : distinct) {
            (f.isDone() ? done : notDone).add(f);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> Set<TaskFuture<T>> distinct(Collection<TaskFuture<T>> futures) {
        Objects.requireNonNull(futures, "futures");
        Set<TaskFuture<T>> distinct = new LinkedHashSet<>();
        for (TaskFuture<T> f : futures) {
            distinct.add(Objects.requireNonNull(f, "null future"));
        }
        return distinct;
    }

    /** The waiter of one {@link #await} call: counts completions, wakes the caller. */
    static final class Waiter {
        private final ReentrantLock lock = new ReentrantLock(true);
        private final Condition changed = lock.newCondition();
        private final ReturnWhen returnWhen;
        private final int total;
        private int done;
        private int failed;

        Waiter(ReturnWhen returnWhen, int total) {
            this.returnWhen = returnWhen;
            this.total = total;
        }

        void futureDone(boolean hasFailed) {
            lock.lock();
            try {
                done++;
                if (hasFailed) {
                    failed++;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void await(long nanos) throws InterruptedException {
            lock.lock();
            try {
                while (!holds()) {
                    if (nanos <= 0L) {
                        return;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }

        private boolean holds() {
            if (done >= total) {
                return true;
            }
            switch (returnWhen) {
                case FIRST_COMPLETED:
                    return done > 0;
                case FIRST_EXCEPTION:
                    return failed > 0;
                default:
                    return false;
            }
        }
    }

    /** Iterator fed by done callbacks through a lock-protected deque. */
    private static final class CompletionDeque<T> implements Iterator<TaskFuture<T>> {
        private final ReentrantLock lock = new ReentrantLock(true);
        private final Condition arrived = lock.newCondition();
        private final ArrayDeque<TaskFuture<T>> deque = new ArrayDeque<>();
        private int remaining; // not yet handed out

        CompletionDeque(Set<TaskFuture<T>> futures) {
            remaining = futures.size();
            for (TaskFuture<T> f : futures) {
                f.addDoneCallback(this::arrived);
            }
        }

        private void arrived(TaskFuture<T> f) {
            lock.lock();
            try {
                deque.addLast(f);
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean hasNext() {
            lock.lock();
            try {
                return remaining > 0;
            } finally {
                lock.unlock();
            }
        }

        /** Blocks until one more future is done; an interrupt does not end the wait (it is kept set). */
        @Override
        public TaskFuture<T> next() {
            lock.lock();
            try {
                if (remaining == 0) {
                    throw new NoSuchElementException();
                }
                remaining--;
                while (deque.isEmpty()) {
                    arrived.awaitUninterruptibly();
                }
                return deque.pollFirst();
            } finally {
                lock.unlock();
            }
        }
    }
}
