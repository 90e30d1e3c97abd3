package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Static chunks by index range, one thread per chunk, min(parallelism, n) chunks whose sizes differ
 * by at most one. Failures recorded by input index; a chunk stops at its first failure.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
        final List<T> in = new ArrayList<>(inputs); // a private copy: the caller's list is never touched again
        final int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before start");
        }
        final int k = Math.min(parallelism, n);
        final Object[] results = new Object[n];
        final Throwable[] failures = new Throwable[n];
        final Thread[] threads = new Thread[k];
        for (int c = 0; c < k; c++) {
            final int from = (int) ((long) c * n / k);
            final int to = (int) ((long) (c + 1) * n / k);
            threads[c] = new Thread(() -> {
                for (int i = from; i < to; i++) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    try {
                        results[i] = fn.apply(in.get(i));
                    } catch (Throwable t) {
                        failures[i] = t;
                        return;
                    }
                }
            }, "chunk-" + c + "[" + from + "," + to + ")");
            threads[c].start();
        }
        InterruptedException interrupted = null;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    if (interrupted == null) {
                        interrupted = e;
                        for (Thread other : threads) {
                            other.interrupt();
                        }
                    }
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                throw new ExecutionException(failures[i]);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
        return out;
    }
}
