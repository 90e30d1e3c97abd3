package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Parallel map: min(parallelism, n) worker threads take the next input index from a shared
 * counter, store each result at its index, and stop at their first failure. The caller starts them,
 * joins them, then builds the result list in input order.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /** State of one call, shared by its workers. */
    private static final class Job<T, R> {
        final Function<? super T, ? extends R> fn;
        final List<? extends T> inputs;
        final Object[] results;
        private int next;              // guarded by this
        private boolean failed;        // guarded by this

        Job(Function<? super T, ? extends R> fn, List<? extends T> inputs) {
            this.fn = fn;
            this.inputs = inputs;
            this.results = new Object[inputs.size()];
        }

        /** The next index to compute, or -1 when there is none left (or something failed). */
        synchronized int take() {
            if (failed || next >= inputs.size()) {
                return -1;
            }
            return next++;
        }

        synchronized void fail() {
            failed = true;
        }
    }

    private static final class Worker<T, R> extends Thread {
        private final Job<T, R> job;
        Throwable failure; // the first failure this worker hit; read after join()

        Worker(Job<T, R> job, String name) {
            super(name);
            this.job = job;
        }

        @Override
        public void run() {
            int i;
            while (!isInterrupted() && (i = job.take()) >= 0) {
                try {
                    job.results[i] = job.fn.apply(job.inputs.get(i));
                } catch (Throwable t) {
                    failure = t;
                    job.fail();
                    return;
                }
            }
        }
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        final int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        Job<T, R> job = new Job<>(fn, inputs);
        List<Worker<T, R>> workers = new ArrayList<>();
        int threads = Math.min(parallelism, n);
        for (int k = 0; k < threads; k++) {
            workers.add(new Worker<>(job, "parallel-map-" + k));
        }
        for (Worker<T, R> w : workers) {
            w.start();
        }
        joinAll(workers);

        for (Worker<T, R> w : workers) {
            if (w.failure != null) {
                throw new ExecutionException(w.failure);
            }
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : job.results) {
            @SuppressWarnings("unchecked")
            R value = (R) r;
            out.add(value);
        }
        return out;
    }

    /** Joins every worker; if the caller is interrupted, interrupts them, waits for them, rethrows. */
    private static void joinAll(List<? extends Thread> workers) throws InterruptedException {
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            for (Thread w : workers) {
                w.interrupt();
            }
            for (Thread w : workers) {
                while (w.isAlive()) {
                    try {
                        w.join();
                    } catch (InterruptedException again) {
                        // keep waiting: no thread may outlive the call
                    }
                }
            }
            throw e;
        }
    }
}
