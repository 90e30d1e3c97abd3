package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /** The futures in the order they complete; callbacks go in at the first hasNext()/next(). */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> snapshot = new ArrayList<>(futures);
        return () -> new Inbox<>(snapshot);
    }

    private static final class Inbox<T> implements Iterator<TaskFuture<T>> {
        private final List<TaskFuture<T>> futures;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final ArrayDeque<TaskFuture<T>> finished = new ArrayDeque<>(); // guarded by lock
        private boolean started;
        private int left;

        Inbox(List<TaskFuture<T>> futures) {
            this.futures = futures;
            this.left = futures.size();
        }

        private void startOnce() {
            if (started) {
                return;
            }
            started = true;
            for (TaskFuture<T> f : futures) {
                f.addDoneCallback(done -> {
                    lock.lock();
                    try {
                        finished.addLast(f);
                        arrived.signal();
                    } finally {
                        lock.unlock();
                    }
                });
            }
        }

        @Override
        public boolean hasNext() {
            startOnce();
            return left > 0;
        }

        @Override
        public TaskFuture<T> next() {
            startOnce();
            if (left == 0) {
                throw new NoSuchElementException();
            }
            lock.lock();
            try {
                while (finished.isEmpty()) {
                    arrived.awaitUninterruptibly();
                }
                left--;
                return finished.pollFirst();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done.
     * ALL_COMPLETED waits on each future in turn against one deadline; FIRST_COMPLETED and
     * FIRST_EXCEPTION wait for a trigger (a semaphore permit) released by the deciding callback.
     */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        long budget = unit.toNanos(timeout);
        long began = System.nanoTime();
        if (!list.isEmpty()) {
            if (returnWhen == ReturnWhen.ALL_COMPLETED) {
                for (TaskFuture<T> f : list) {
                    long left = budget - (System.nanoTime() - began);
                    try {
                        f.result(left, TimeUnit.NANOSECONDS);
                    } catch (ExecutionException | CancellationException outcome) {
                        // done is done, however it ended
                    } catch (TimeoutException e) {
                        break;
                    }
                }
            } else {
                Semaphore trigger = new Semaphore(0);
                int[] doneCount = {0};
                int n = list.size();
                for (TaskFuture<T> f : list) {
                    f.addDoneCallback(done -> {
                        boolean fire;
                        synchronized (doneCount) {
                            doneCount[0]++;
                            fire = returnWhen == ReturnWhen.FIRST_COMPLETED || f.failed() || doneCount[0] == n;
                        }
                        if (fire) {
                            trigger.release();
                        }
                    });
                }
                long left = budget - (System.nanoTime() - began);
                trigger.tryAcquire(Math.max(0L, left), TimeUnit.NANOSECONDS);
            }
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> f : list) {
            if (f.isDone()) {
                done.add(f);
            } else {
                notDone.add(f);
            }
        }
        return new WaitResult<>(done, notDone);
    }
}
