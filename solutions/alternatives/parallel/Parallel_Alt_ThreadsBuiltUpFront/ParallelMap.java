package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Parallel map whose threads are all built before any starts.
 *
 * <p>The call builds {@code parallelism} worker threads up front, whatever the number of inputs,
 * and starts only the first {@code min(parallelism, n)}: a thread that would find no input is
 * built and never started. The started workers take the next input index from a counter guarded
 * by one monitor, store each result (or failure) at its index, and stop taking inputs after a
 * failure. The caller joins every started thread before it reads anything.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Job<T, R> job = new Job<>(fn, inputs);
        Thread[] built = new Thread[parallelism];
        for (int i = 0; i < parallelism; i++) {
            built[i] = new Thread(job::work, "parallel-map-worker-" + i);
        }
        int needed = Math.min(parallelism, inputs.size());
        int started = 0;
        try {
            while (started < needed) {
                built[started].start();
                started++;
            }
            for (int i = 0; i < started; i++) {
                built[i].join();
            }
        } catch (InterruptedException e) {
            job.stop();
            for (int i = 0; i < started; i++) {
                built[i].interrupt();
            }
            joinAll(built, started);
            throw e;
        } catch (RuntimeException | Error e) {
            job.stop();
            joinAll(built, started);
            throw e;
        }
        return job.outcome();
    }

    /** Joins the first {@code count} threads whatever happens, keeping a new interrupt for the caller. */
    private static void joinAll(Thread[] threads, int count) {
        boolean interrupted = false;
        for (int i = 0; i < count; i++) {
            while (threads[i].isAlive()) {
                try {
                    threads[i].join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One call's shared state, guarded by {@code this}. */
    private static final class Job<T, R> {
        private final Function<? super T, ? extends R> fn;
        private final List<? extends T> inputs;
        private final Object[] results;
        private final Throwable[] failures;
        private int next;
        private boolean stopped;

        Job(Function<? super T, ? extends R> fn, List<? extends T> inputs) {
            this.fn = fn;
            this.inputs = inputs;
            this.results = new Object[inputs.size()];
            this.failures = new Throwable[inputs.size()];
        }

        void work() {
            while (true) {
                int index;
                synchronized (this) {
                    if (stopped || next == results.length) {
                        return;
                    }
                    index = next++;
                }
                try {
                    R result = fn.apply(inputs.get(index));
                    synchronized (this) {
                        results[index] = result;
                    }
                } catch (Throwable failure) {
                    synchronized (this) {
                        failures[index] = failure;
                        stopped = true;
                    }
                }
            }
        }

        synchronized void stop() {
            stopped = true;
        }

        synchronized List<R> outcome() throws ExecutionException {
            for (Throwable failure : failures) {
                if (failure != null) {
                    throw new ExecutionException(failure);
                }
            }
            List<R> list = new ArrayList<>(results.length);
            for (Object r : results) {
                @SuppressWarnings("unchecked")
                R result = (R) r;
                list.add(result);
            }
            return list;
        }
    }
}
