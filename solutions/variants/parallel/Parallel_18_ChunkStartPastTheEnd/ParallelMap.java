package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Bug variant: parallelism chunks of ceil(n / parallelism) inputs; a chunk can start past the end.
 *
 * <p>Parallel map with a static partition of the inputs: thread {@code c} of {@code parallelism}
 * handles {@code inputs.subList(c * chunk, min(n, (c + 1) * chunk))} with {@code chunk = ceil(n /
 * parallelism)}, in order. Each thread writes only its own slots of {@code results}, and records
 * only the first failure of its own chunk (the later inputs of that chunk are not started).
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs,
            int parallelism) throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1: " + parallelism);
        }
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");

        final int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }

        final int k = parallelism;
        final int chunkSize = (n + k - 1) / k;
        final Object[] results = new Object[n];
        final int[] failedIndex = new int[k];        // per chunk, -1 = no failure
        final Throwable[] failure = new Throwable[k];
        Arrays.fill(failedIndex, -1);

        final Thread[] threads = new Thread[k];
        int started = 0;
        try {
            for (int c = 0; c < k; c++) {
                final int chunk = c;
                final int from = c * chunkSize;
                final List<? extends T> mine = inputs.subList(from, Math.min(n, (c + 1) * chunkSize));
                Thread t = new Thread(() -> {
                    for (int j = 0; j < mine.size(); j++) {
                        int i = from + j;
                        if (Thread.currentThread().isInterrupted()) {
                            return; // the caller was interrupted: stop starting inputs
                        }
                        try {
                            results[i] = fn.apply(mine.get(j));
                        } catch (Throwable e) {
                            failedIndex[chunk] = i;
                            failure[chunk] = e;
                            return;
                        }
                    }
                }, "parallel-map-chunk-" + c);
                t.setDaemon(true);
                threads[c] = t;
                t.start();
                started++;
            }
        } catch (RuntimeException | Error startFailure) {
            if (stopAndJoin(threads, started)) {
                Thread.currentThread().interrupt(); // not consumed by an InterruptedException
            }
            throw startFailure;
        }

        // Wait for every thread; if interrupted, interrupt them, wait for them, then report.
        for (int c = 0; c < k; c++) {
            try {
                threads[c].join();
            } catch (InterruptedException ie) {
                stopAndJoin(threads, k);
                throw ie;
            }
        }

        int first = -1;
        Throwable cause = null;
        for (int c = 0; c < k; c++) {
            if (failedIndex[c] >= 0 && (first < 0 || failedIndex[c] < first)) {
                first = failedIndex[c];
                cause = failure[c];
            }
        }
        if (cause != null) {
            throw new ExecutionException("fn failed on input " + first, cause);
        }

        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R value = (R) r;
            out.add(value);
        }
        return out;
    }

    /**
     * Interrupts the first {@code count} threads and waits for all of them, whatever happens.
     * Returns whether the caller was interrupted (again) while it waited.
     */
    private static boolean stopAndJoin(Thread[] threads, int count) {
        for (int c = 0; c < count; c++) {
            threads[c].interrupt();
        }
        boolean interrupted = false;
        for (int c = 0; c < count; c++) {
            while (true) {
                try {
                    threads[c].join();
                    break;
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
