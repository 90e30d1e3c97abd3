package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Parallel map with lock-free work distribution: the call's worker threads pull the next input index
 * from an AtomicInteger cursor (getAndIncrement), one input at a time, and write results and failures
 * into per-call arrays at that index. Thread.join() publishes those writes to the caller. A failure (or
 * an interrupt of the caller) raises a stop flag so no new index is taken; since indices are handed out
 * in increasing order, every input before a failed one had already started.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        Objects.requireNonNull(fn, "fn");
        final Object[] in = inputs.toArray(); // our own snapshot; the caller's list is never touched again
        final int n = in.length;
        if (n == 0) {
            return new ArrayList<>();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before any thread was started");
        }

        final Object[] out = new Object[n];
        final Throwable[] errors = new Throwable[n];
        final AtomicInteger cursor = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();

        Runnable worker = () -> {
            while (!stop.get()) {
                int i = cursor.getAndIncrement();
                if (i >= n) {
                    return;
                }
                try {
                    @SuppressWarnings("unchecked")
                    T input = (T) in[i];
                    out[i] = fn.apply(input);
                } catch (Throwable t) {
                    errors[i] = t;
                    stop.set(true);
                }
            }
        };

        int count = Math.min(parallelism, n);
        List<Thread> threads = new ArrayList<>(count);
        try {
            for (int k = 0; k < count; k++) {
                Thread t = new Thread(worker, "parallel-map-" + k);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            for (Thread t : threads) {
                t.interrupt();
            }
            joinAll(threads);
            throw e;
        } catch (RuntimeException | Error e) { // e.g. start() failing: still leave nothing running
            stop.set(true);
            joinAll(threads);
            throw e;
        }

        for (Throwable t : errors) {
            if (t != null) {
                throw new ExecutionException(t); // first failure in input order
            }
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) new ArrayList<>(Arrays.asList(out));
        return results;
    }

    /**
     * Joins every thread even if interrupted again meanwhile. A repeated interrupt is not re-asserted:
     * the caller is about to throw InterruptedException, which already reports it.
     */
    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException again) {
                    // keep waiting: no thread may outlive the call
                }
            }
        }
    }
}
