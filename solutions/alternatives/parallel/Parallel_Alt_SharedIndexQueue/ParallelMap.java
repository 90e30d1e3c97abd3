package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Parallel map with a shared work index (self-scheduling).
 *
 * <p>Workers loop: claim {@code i = next.getAndIncrement()}, apply {@code fn} to input
 * {@code i}, store the result (or the failure) in slot {@code i}. Each slot is written by
 * exactly one worker; {@link Thread#join()} publishes all slots to the caller. After the
 * first failure the workers stop claiming new indices (inputs already started finish),
 * and the caller picks the failure with the lowest index among the inputs that ran.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class Job<T, R> implements Runnable {
        final Function<? super T, ? extends R> fn;
        final Object[] in;
        final Object[] results;
        final Throwable[] failures;
        final AtomicInteger next = new AtomicInteger();
        volatile boolean stop;

        Job(Function<? super T, ? extends R> fn, Object[] in) {
            this.fn = fn;
            this.in = in;
            this.results = new Object[in.length];
            this.failures = new Throwable[in.length];
        }

        @Override
        public void run() {
            final Thread self = Thread.currentThread();
            while (!stop && !self.isInterrupted()) {
                final int i = next.getAndIncrement();
                if (i >= in.length) {
                    return;
                }
                try {
                    @SuppressWarnings("unchecked")
                    T x = (T) in[i];
                    results[i] = fn.apply(x);
                } catch (Throwable e) {
                    failures[i] = e;
                    stop = true;
                }
            }
        }
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs,
            int parallelism) throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1: " + parallelism);
        }
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");

        final Object[] in = inputs.toArray();
        final int n = in.length;
        if (n == 0) {
            return new ArrayList<>();
        }

        final Job<T, R> job = new Job<>(fn, in);
        final int k = Math.min(parallelism, n);
        final List<Thread> workers = new ArrayList<>(k);
        try {
            for (int w = 0; w < k; w++) {
                Thread t = new Thread(job, "parallel-map-worker-" + w);
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
        } catch (RuntimeException | Error startFailure) {
            if (stopAndJoin(job, workers)) {
                Thread.currentThread().interrupt();
            }
            throw startFailure;
        }

        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException ie) {
                stopAndJoin(job, workers);
                throw ie;
            }
        }

        for (int i = 0; i < n; i++) {
            if (job.failures[i] != null) {
                throw new ExecutionException("fn failed on input " + i, job.failures[i]);
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

    /**
     * Stops the workers from claiming more inputs, interrupts them and waits until every one
     * has ended. Returns whether the caller was interrupted (again) meanwhile.
     */
    private static boolean stopAndJoin(Job<?, ?> job, List<Thread> workers) {
        job.stop = true;
        for (Thread t : workers) {
            t.interrupt();
        }
        boolean interrupted = false;
        for (Thread t : workers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
