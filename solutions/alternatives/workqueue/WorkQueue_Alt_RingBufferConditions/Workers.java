package racecourse.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills.
 *
 * <p>The caller's thread only feeds the queue: it puts one {@link Job} per task index, waits with
 * {@link WorkQueue#join()} until every task is marked done, then puts one poison {@link Job} per
 * worker and joins the threads. Workers store each result in a {@link ConcurrentHashMap} keyed by
 * task index; the list is assembled in task order at the end. The first failure (by time) wins a
 * compare-and-set; after it, workers skip the remaining tasks (still calling {@code taskDone()})
 * until their pill. If the caller is interrupted, it raises a stop flag, interrupts the workers,
 * waits for all of them and rethrows {@link InterruptedException}.
 */
public final class Workers {

    private Workers() {
    }

    /** A queue entry: a task index, or the poison pill. */
    private static final class Job {
        static final Job POISON = new Job(-1);
        final int index;

        Job(int index) {
            this.index = index;
        }
    }

    /** Stands in for a null result, which a ConcurrentHashMap cannot hold. */
    private static final Object NULL_RESULT = new Object();

    /**
     * Feeds tasks to {@code workers} threads through a WorkQueue and stops them with one poison pill
     * each. Returns results in task order. If {@code work} throws, every worker is still stopped and
     * the first exception is rethrown as the cause of an ExecutionException. No thread outlives the
     * call.
     */
    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(work, "work");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        final List<T> input = new ArrayList<>(tasks); // snapshot; null tasks are allowed
        final int n = input.size();
        final WorkQueue<Job> queue = new WorkQueue<>(Math.max(2, 2 * Math.min(workers, 1 << 20)));
        final ConcurrentHashMap<Integer, Object> results = new ConcurrentHashMap<>(Math.max(16, n * 2));
        final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        final StopFlag stop = new StopFlag();

        Runnable loop = () -> {
            while (!stop.requested) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    if (stop.requested) {
                        return;
                    }
                    // Nobody but process() should interrupt a worker: report it, keep draining.
                    firstFailure.compareAndSet(null, e);
                    continue;
                }
                try {
                    if (job == Job.POISON) {
                        return;
                    }
                    if (firstFailure.get() != null) {
                        continue; // a task failed: skip the rest, but keep consuming until the pill
                    }
                    try {
                        R r = work.apply(input.get(job.index));
                        results.put(job.index, r == null ? NULL_RESULT : r);
                    } catch (Throwable t) {
                        firstFailure.compareAndSet(null, t);
                    }
                } finally {
                    queue.taskDone();
                }
            }
        };

        final List<Thread> crew = new ArrayList<>(workers);
        boolean finished = false;
        try {
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(loop, "workers-" + w);
                t.setDaemon(true);
                t.start();
                crew.add(t);
            }
            for (int i = 0; i < n && firstFailure.get() == null; i++) {
                queue.put(new Job(i));
            }
            queue.join();
            for (int w = 0; w < workers; w++) {
                queue.put(Job.POISON);
            }
            for (Thread t : crew) {
                t.join();
            }
            finished = true;
        } finally {
            if (!finished) {
                abort(crew, stop);
            }
        }

        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        List<R> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object r = results.get(i);
            if (r == null) {
                throw new IllegalStateException("no result for task " + i);
            }
            @SuppressWarnings("unchecked")
            R value = r == NULL_RESULT ? null : (R) r;
            out.add(value);
        }
        return out;
    }

    /** Stops every started worker and waits for all of them, whatever happens to the caller. */
    private static void abort(List<Thread> crew, StopFlag stop) {
        stop.requested = true; // written before interrupt(): a worker that sees the interrupt sees this
        for (Thread t : crew) {
            t.interrupt();
        }
        boolean interruptedAgain = false;
        for (Thread t : crew) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interruptedAgain = true;
                }
            }
        }
        if (interruptedAgain) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class StopFlag {
        volatile boolean requested;
    }
}
