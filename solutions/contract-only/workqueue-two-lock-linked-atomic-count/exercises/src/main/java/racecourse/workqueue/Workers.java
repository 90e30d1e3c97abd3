package racecourse.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills. */
public final class Workers {

    private Workers() {
    }

    /** One task with its position in the input; the pill is a Job of its own. */
    private static final class Job<T> {
        final int index;
        final T task;

        Job(int index, T task) {
            this.index = index;
            this.task = task;
        }
    }

    /** What the crew shares besides the queue: the first failure (in time) and a stop flag. */
    private static final class Crew {
        private Throwable firstFailure;
        private volatile boolean stopped;

        synchronized void fail(Throwable t) {
            if (firstFailure == null) {
                firstFailure = t;
            }
            stopped = true;
        }

        synchronized Throwable firstFailure() {
            return firstFailure;
        }

        void abort() {
            stopped = true;
        }

        boolean stopped() {
            return stopped;
        }
    }

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
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        List<T> input = new ArrayList<>(tasks);
        int n = input.size();
        Object[] results = new Object[n];
        Job<T> pill = new Job<>(-1, null);
        WorkQueue<Job<T>> queue = new WorkQueue<>(workers);
        Crew crew = new Crew();

        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> runWorker(queue, pill, work, results, crew), "worker-" + w);
        }
        for (Thread t : threads) {
            t.start();
        }

        boolean interrupted = false;
        try {
            for (int i = 0; i < n; i++) {
                queue.put(new Job<>(i, input.get(i)));
            }
            for (int w = 0; w < workers; w++) {
                queue.put(pill);
            }
        } catch (InterruptedException e) {
            // Stop feeding, throw away what is queued, and send a fresh pill to every worker.
            // Only this thread adds to the queue, so after the drain there is room for all pills.
            interrupted = true;
            crew.abort();
            while (queue.poll() != null) {
                // dropped
            }
            for (int w = 0; w < workers; w++) {
                if (!queue.offer(pill)) {
                    throw new AssertionError("no room for a pill after draining");
                }
            }
        }

        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    crew.abort(); // the workers skip what is left and reach their pills sooner
                }
            }
        }

        if (interrupted) {
            throw new InterruptedException("interrupted while processing tasks");
        }
        Throwable failure = crew.firstFailure();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R value = (R) r;
            out.add(value);
        }
        return out;
    }

    private static <T, R> void runWorker(WorkQueue<Job<T>> queue, Job<T> pill,
            Function<? super T, ? extends R> work, Object[] results, Crew crew) {
        while (true) {
            Job<T> job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                // Nobody interrupts the crew on purpose (the work may have set its own flag):
                // the only way out is the pill, so try again with the flag cleared.
                continue;
            }
            if (job == pill) {
                return;
            }
            if (crew.stopped()) {
                continue; // after a failure or an abort: skip, but keep draining to the pill
            }
            try {
                results[job.index] = work.apply(job.task);
            } catch (Throwable t) {
                crew.fail(t);
            }
        }
    }
}
