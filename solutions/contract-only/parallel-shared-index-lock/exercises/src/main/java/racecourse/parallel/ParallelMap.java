package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** Threads created up front; each takes the next index from a counter under a lock. */
public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class Job<T, R> implements Runnable {
        final ReentrantLock lock = new ReentrantLock();
        final Function<? super T, ? extends R> fn;
        final List<? extends T> inputs;
        final Object[] results;
        final Throwable[] failures;
        int next;
        boolean stop;

        Job(Function<? super T, ? extends R> fn, List<? extends T> inputs) {
            this.fn = fn;
            this.inputs = inputs;
            this.results = new Object[inputs.size()];
            this.failures = new Throwable[inputs.size()];
        }

        private int claim() {
            lock.lock();
            try {
                if (stop || next >= results.length || Thread.currentThread().isInterrupted()) {
                    return -1;
                }
                return next++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void run() {
            int i;
            while ((i = claim()) >= 0) {
                try {
                    R r = fn.apply(inputs.get(i));
                    results[i] = r; // made visible to the caller by Thread.join
                } catch (Throwable t) {
                    failures[i] = t;
                    lock.lock();
                    try {
                        stop = true;
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
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
