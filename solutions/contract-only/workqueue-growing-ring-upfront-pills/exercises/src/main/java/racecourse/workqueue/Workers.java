package racecourse.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Everything is queued up front: the queue is sized for all tasks plus one poison pill per worker, so
 * the caller offers them all without ever blocking, then only joins its threads. Every task runs,
 * also after a failure; each worker keeps its own list of (index, result or failure), handed back
 * through Thread.join. The failure rethrown is the first in task order.
 */
public final class Workers {

    private Workers() {
    }

    /** A queue entry; {@code pill} marks the poison pill. */
    private static final class Item<T> {
        final int index;
        final T task;
        final boolean pill;

        Item(int index, T task, boolean pill) {
            this.index = index;
            this.task = task;
            this.pill = pill;
        }
    }

    /** What one worker did: written only by its own thread, read by the caller after join(). */
    private static final class Log {
        final List<Integer> indices = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
    }

    /**
     * Feeds tasks to {@code workers} threads through a WorkQueue and stops them with one poison pill
     * each. Returns results in task order. If {@code work} throws, every worker is still stopped and
     * the first exception is rethrown as the cause of an ExecutionException. No thread outlives the
     * call.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        final int n = tasks.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        long slots = (long) n + workers;
        final WorkQueue<Item<T>> queue = new WorkQueue<>((int) Math.min(Integer.MAX_VALUE, slots));
        for (int i = 0; i < n; i++) {
            if (!queue.offer(new Item<>(i, tasks.get(i), false))) {
                throw new IllegalStateException("queue sized too small");
            }
        }
        Item<T> pill = new Item<>(-1, null, true);
        for (int w = 0; w < workers; w++) {
            queue.offer(pill);
        }

        final Log[] logs = new Log[workers];
        final Thread[] crew = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            final Log log = new Log();
            logs[w] = log;
            crew[w] = new Thread(() -> {
                while (true) {
                    Item<T> item;
                    try {
                        item = queue.take();
                    } catch (InterruptedException e) {
                        return; // the caller gave up
                    }
                    if (item.pill) {
                        return;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return; // the caller gave up while we were working
                    }
                    log.indices.add(item.index);
                    try {
                        log.values.add(work.apply(item.task));
                        log.errors.add(null);
                    } catch (Throwable t) {
                        log.values.add(null);
                        log.errors.add(t);
                    }
                }
            }, "process-worker-" + w);
        }
        for (Thread t : crew) {
            t.start();
        }

        InterruptedException interrupted = null;
        for (Thread t : crew) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    if (interrupted == null) {
                        interrupted = e;
                        for (Thread other : crew) {
                            other.interrupt();
                        }
                    }
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }

        Object[] results = new Object[n];
        Throwable first = null;
        int firstIndex = Integer.MAX_VALUE;
        for (Log log : logs) {
            for (int k = 0; k < log.indices.size(); k++) {
                int index = log.indices.get(k);
                Throwable error = log.errors.get(k);
                if (error != null) {
                    if (index < firstIndex) {
                        firstIndex = index;
                        first = error;
                    }
                } else {
                    results[index] = log.values.get(k);
                }
            }
        }
        if (first != null) {
            throw new ExecutionException(first);
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            out.add((R) r);
        }
        return out;
    }
}
