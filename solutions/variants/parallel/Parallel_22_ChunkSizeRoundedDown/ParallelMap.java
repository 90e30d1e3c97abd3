package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Parallel map with fixed chunks: the inputs are cut into contiguous chunks, one thread per chunk.
 * Each thread writes its results into its own slots of a shared array, so no locking is needed;
 * join() makes the writes visible to the caller.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
        final int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        final Object[] results = new Object[n];
        final Throwable[] failures = new Throwable[n];
        final boolean[] failed = new boolean[1]; // guarded by failures

        // chunk size: n / parallelism (at least 1), and as many chunks as it takes to cover n
        final int chunk = Math.max(1, n / parallelism);
        final int threadCount = (n + chunk - 1) / chunk;

        Thread[] threads = new Thread[threadCount];
        for (int t = 0; t < threadCount; t++) {
            final int from = t * chunk;
            final int to = Math.min(n, from + chunk);
            threads[t] = new Thread(() -> {
                for (int i = from; i < to; i++) {
                    synchronized (failures) {
                        if (failed[0] || Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                    try {
                        results[i] = fn.apply(inputs.get(i));
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures[i] = e;
                            failed[0] = true;
                        }
                        return;
                    }
                }
            }, "map-chunk-" + t);
        }
        for (Thread thread : threads) {
            thread.start();
        }

        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            for (Thread thread : threads) {
                thread.interrupt();
            }
            boolean done = false;
            while (!done) {
                try {
                    for (Thread thread : threads) {
                        thread.join();
                    }
                    done = true;
                } catch (InterruptedException ignored) {
                    // still waiting for them
                }
            }
            throw e;
        }

        for (Throwable failure : failures) {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
        }
        List<R> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            R r = (R) results[i];
            list.add(r);
        }
        return list;
    }
}
