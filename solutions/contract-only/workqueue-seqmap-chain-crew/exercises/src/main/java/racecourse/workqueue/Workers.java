package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills. */
public final class Workers {

    /** The poison pill: compared by identity, never run. */
    private static final Runnable PILL = () -> { };

    private Workers() {
    }

    /**
     * Feeds tasks to {@code workers} threads through a WorkQueue and stops them with one poison pill
     * each. Returns results in task order. If {@code work} throws, every worker is still stopped and
     * the first exception is rethrown as the cause of an ExecutionException. No thread outlives the
     * call.
     *
     * <p>Design: the queue carries closures, each of which computes one task and stores its result;
     * the caller starts only the first worker, and each worker starts the next one before it takes
     * its first job. The first failure in time wins; after it the remaining jobs are skipped.
     */
    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        Object[] input = tasks.toArray();
        int n = input.length;
        Object[] results = new Object[n];
        WorkQueue<Runnable> queue = new WorkQueue<>(Math.max(workers, Math.min(n, 2 * workers)));
        Crew crew = new Crew(workers, queue);

        crew.startNext();
        InterruptedException interrupted = null;
        try {
            for (int i = 0; i < n; i++) {
                final int index = i;
                queue.put(() -> {
                    if (crew.failed()) {
                        return;
                    }
                    try {
                        @SuppressWarnings("unchecked")
                        T task = (T) input[index];
                        results[index] = work.apply(task);
                    } catch (Throwable t) {
                        crew.fail(t);
                    }
                });
            }
        } catch (InterruptedException e) {
            interrupted = e;
        }
        if (interrupted != null) {
            crew.abort(); // no new worker starts, running ones are interrupted
            while (queue.poll() != null) {
                // drop the jobs not taken yet
            }
        }
        int pills = crew.finalCount(interrupted != null);
        for (int p = 0; p < pills; ) {
            try {
                queue.put(PILL);
                p++;
            } catch (InterruptedException e) {
                if (interrupted == null) {
                    interrupted = e;
                }
            }
        }
        for (int k = 0; ; k++) {
            Thread t = crew.thread(k);
            if (t == null) {
                break;
            }
            for (;;) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    if (interrupted == null) {
                        interrupted = e;
                        crew.abort();
                    }
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        Throwable failure = crew.failure();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
        return out;
    }

    /** The crew's bookkeeping, guarded by its own monitor. */
    private static final class Crew {
        private final int size;
        private final WorkQueue<Runnable> queue;
        private final Thread[] threads;
        private int started;
        private boolean aborted;
        private Throwable failure;

        Crew(int size, WorkQueue<Runnable> queue) {
            this.size = size;
            this.queue = queue;
            this.threads = new Thread[size];
        }

        /** Starts worker number {@code started}, if the crew is not complete or aborted. */
        void startNext() {
            Thread t;
            synchronized (this) {
                if (aborted || started == size) {
                    return;
                }
                int k = started;
                t = new Thread(this::runWorker, "workers-" + k);
                threads[k] = t;
                started++;
                t.start();
            }
        }

        private void runWorker() {
            startNext();
            for (;;) {
                Runnable job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    return; // only an abort interrupts a worker
                }
                if (job == PILL) {
                    return;
                }
                job.run();
            }
        }

        /**
         * The number of workers that need a pill: all of them normally (they all start, one after the
         * other); after an abort, those that were started.
         */
        synchronized int finalCount(boolean afterAbort) {
            return afterAbort ? started : size;
        }

        synchronized Thread thread(int k) {
            return k < started ? threads[k] : null;
        }

        synchronized void abort() {
            aborted = true;
            for (int k = 0; k < started; k++) {
                threads[k].interrupt();
            }
        }

        synchronized boolean failed() {
            return failure != null || aborted;
        }

        synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
        }

        synchronized Throwable failure() {
            return failure;
        }
    }
}
