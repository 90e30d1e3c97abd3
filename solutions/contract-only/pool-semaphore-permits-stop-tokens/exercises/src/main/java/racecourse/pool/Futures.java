package racecourse.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /**
     * The futures in the order they complete. Futures already done at the call come first, in the
     * order given; the others are registered here and handed out through a queue their callbacks fill.
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> ready = new ArrayList<>();
        LinkedBlockingQueue<TaskFuture<T>> completions = new LinkedBlockingQueue<>();
        int total = 0;
        for (TaskFuture<T> f : futures) {
            total++;
            if (f.isDone()) {
                ready.add(f);
            } else {
                f.addDoneCallback(completions::add); // runs at once if it finished meanwhile
            }
        }
        Iterator<TaskFuture<T>> it = new CompletionIterator<>(ready, completions, total);
        return () -> it;
    }

    private static final class CompletionIterator<T> implements Iterator<TaskFuture<T>> {
        private final List<TaskFuture<T>> ready;
        private final LinkedBlockingQueue<TaskFuture<T>> completions;
        private final int total;
        private int handedOut;

        CompletionIterator(List<TaskFuture<T>> ready, LinkedBlockingQueue<TaskFuture<T>> completions, int total) {
            this.ready = ready;
            this.completions = completions;
            this.total = total;
        }

        @Override
        public synchronized boolean hasNext() {
            return handedOut < total;
        }

        @Override
        public synchronized TaskFuture<T> next() {
            if (handedOut >= total) {
                throw new NoSuchElementException();
            }
            if (handedOut < ready.size()) {
                return ready.get(handedOut++);
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        TaskFuture<T> f = completions.take();
                        handedOut++;
                        return f;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done.
     * A latch sized for the condition: one count for FIRST_COMPLETED, one per future otherwise; a
     * failure empties the latch at once under FIRST_EXCEPTION.
     */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        List<TaskFuture<T>> list = new ArrayList<>(futures);
        int n = list.size();
        int needed = returnWhen == ReturnWhen.FIRST_COMPLETED ? Math.min(1, n) : n;
        CountDownLatch latch = new CountDownLatch(needed);
        if (needed > 0) {
            for (TaskFuture<T> f : list) {
                f.addDoneCallback(done -> {
                    if (returnWhen == ReturnWhen.FIRST_EXCEPTION && ((TaskFuture<?>) done).failed()) {
                        while (latch.getCount() > 0) {
                            latch.countDown();
                        }
                    } else {
                        latch.countDown();
                    }
                });
            }
            latch.await(timeout, unit); // zero or negative: does not wait
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
