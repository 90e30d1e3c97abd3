package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Threads created up front; each takes the next index from a counter under a lock. */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1: " + parallelism);
        }
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        Job<T, R> job = new Job<>(fn, inputs);
        int count = Math.min(parallelism, n);
        Thread[] threads = new Thread[count];
        for (int t = 0; t < count; t++) {
            threads[t] = new Thread(job, "parallel-map-" + t);
        }
        for (Thread t : threads) {
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                boolean done = false;
                while (!done) {
                    try {
                        t.join();
                        done = true;
                    } catch (InterruptedException again) {
                        // keep waiting: no thread may outlive the call
                    }
                }
            }
            throw e;
        }
        for (int i = 0; i < n; i++) {
            if (job.failures[i] != null) {
                throw new ExecutionException(job.failures[i]);
            }
        }
        List<R> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            R r = (R) job.results[i];
            out.add(r);
        }
        return out;
    }
}
