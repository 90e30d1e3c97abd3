package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A parallel map for CPU-bound work, like Python's {@code multiprocessing.Pool.map}: the same
 * function over many inputs, on several threads at once, results in input order.
 *
 * <p>Design: the inputs not yet started are always a prefix {@code [0, remaining)}; a worker (a
 * {@code Thread} subclass) claims {@code --remaining} under a {@code ReentrantLock}, so the inputs are
 * taken from the last one down. A failure raises a stop flag: no input is claimed after it. The
 * caller joins every worker and rethrows the lowest-index failure among the inputs that ran.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /**
     * Applies {@code fn} to every input on {@code parallelism} threads of its own (fewer when there
     * are fewer inputs).
     *
     * @return the results, in input order (a {@code null} from {@code fn} stays in its place); an empty
     *     list for no inputs
     * @throws IllegalArgumentException when {@code parallelism} is below 1
     * @throws ExecutionException when {@code fn} throws: the first failure in input order among the
     *     inputs that ran is the cause, thrown after every thread has stopped
     * @throws InterruptedException when the caller is interrupted: its threads are interrupted and
     *     waited for first
     */
    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1: " + parallelism);
        }
        Countdown<T, R> job = new Countdown<>(fn, inputs.toArray());
        int n = job.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        int threads = Math.min(parallelism, n);
        Worker[] crew = new Worker[threads];
        for (int k = 0; k < threads; k++) {
            crew[k] = new Worker(job, k);
        }
        for (Worker w : crew) {
            w.start();
        }
        try {
            for (Worker w : crew) {
                w.join();
            }
        } catch (InterruptedException e) {
            job.stop();
            for (Worker w : crew) {
                w.interrupt();
            }
            for (Worker w : crew) {
                joinUninterruptibly(w);
            }
            throw e;
        }
        return job.collect();
    }

    private static void joinUninterruptibly(Thread t) {
        boolean done = false;
        while (!done) {
            try {
                t.join();
                done = true;
            } catch (InterruptedException again) {
                // no thread may outlive the call: keep joining
            }
        }
    }

    /** The work of one call: a countdown of unstarted inputs, results and failures by index. */
    private static final class Countdown<T, R> {
        private final ReentrantLock lock = new ReentrantLock();
        private final Function<? super T, ? extends R> fn;
        private final Object[] inputs;
        private final Object[] results;
        private final Throwable[] failures;
        /** Inputs [0, remaining) have not been claimed yet. Guarded by lock. */
        private int remaining;
        /** Guarded by lock. */
        private boolean stopped;

        Countdown(Function<? super T, ? extends R> fn, Object[] inputs) {
            this.fn = fn;
            this.inputs = inputs;
            this.results = new Object[inputs.length];
            this.failures = new Throwable[inputs.length];
            this.remaining = inputs.length;
        }

        int size() {
            return inputs.length;
        }

        /** The next input to run, or -1 when there is none or the call has stopped. */
        int claim() {
            lock.lock();
            try {
                if (stopped || remaining == 0) {
                    return -1;
                }
                return --remaining;
            } finally {
                lock.unlock();
            }
        }

        void stop() {
            lock.lock();
            try {
                stopped = true;
            } finally {
                lock.unlock();
            }
        }

        /** Runs one input on the calling worker. Each index is written by exactly one worker. */
        void runOne(int index) {
            try {
                @SuppressWarnings("unchecked")
                T input = (T) inputs[index];
                results[index] = fn.apply(input);
            } catch (Throwable t) {
                lock.lock();
                try {
                    failures[index] = t;
                    stopped = true;
                } finally {
                    lock.unlock();
                }
            }
        }

        /** Called after every worker has been joined (join gives the happens-before edge). */
        List<R> collect() throws ExecutionException {
            for (Throwable t : failures) {
                if (t != null) {
                    throw new ExecutionException(t);
                }
            }
            List<R> out = new ArrayList<>(results.length);
            for (Object r : results) {
                @SuppressWarnings("unchecked")
                R value = (R) r;
                out.add(value);
            }
            return out;
        }
    }

    /** A worker: claims inputs until none is left or the call stops. */
    private static final class Worker extends Thread {
        private final Countdown<?, ?> job;

        Worker(Countdown<?, ?> job, int number) {
            super("parallel-map-" + number);
            this.job = job;
        }

        @Override
        public void run() {
            int index;
            while ((index = job.claim()) >= 0) {
                job.runOne(index);
            }
        }
    }
}
