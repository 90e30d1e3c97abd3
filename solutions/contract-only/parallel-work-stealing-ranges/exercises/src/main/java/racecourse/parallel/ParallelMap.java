package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A parallel map for CPU-bound work, like Python's {@code multiprocessing.Pool.map}: the same
 * function over many inputs, on several threads at once, results in input order.
 *
 * <p>Start your own threads: no executors, no parallel streams, no {@code ForkJoinPool}, no
 * {@code CompletableFuture}. See README.md in this package for the task, why Java needs no
 * processes for this, and the pitfalls the tests look for.
 *
 * <p>Design: work stealing over index ranges. Each of the {@code min(parallelism, n)} threads owns
 * a contiguous range of indexes guarded by the range's own monitor and works it from the front.
 * A thread whose range runs dry steals the upper half of the fullest other range it can find and
 * carries on; it ends when a whole scan finds nothing to steal. A failure (or an interrupt) raises
 * a stop flag, and no new input starts after it. Failures are kept per index; after joining every
 * thread the caller rethrows the one with the lowest index.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /** A half-open range [lo, hi) of input indexes; both fields guarded by this object. */
    private static final class Range {
        private int lo;
        private int hi;

        Range(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
        }

        synchronized int takeFront() {
            return lo < hi ? lo++ : -1;
        }

        synchronized int size() {
            return hi - lo;
        }

        /** Gives away the upper half (at least one index); returns {from, to} or null when empty. */
        synchronized int[] stealHalf() {
            int rem = hi - lo;
            if (rem <= 0) {
                return null;
            }
            int take = (rem + 1) / 2;
            int[] stolen = {hi - take, hi};
            hi -= take;
            return stolen;
        }

        synchronized void refill(int from, int to) {
            lo = from;
            hi = to;
        }
    }

    /** The state of one call: never shared between calls. */
    private static final class Job<T, R> {
        final Function<? super T, ? extends R> fn;
        final List<? extends T> inputs;
        final Range[] ranges;
        final Object[] results;
        final Throwable[] failures;   // failures[i] written only by the thread that ran input i
        volatile boolean stop;

        Job(Function<? super T, ? extends R> fn, List<? extends T> inputs, int threads) {
            this.fn = fn;
            this.inputs = inputs;
            int n = inputs.size();
            this.results = new Object[n];
            this.failures = new Throwable[n];
            this.ranges = new Range[threads];
            for (int k = 0; k < threads; k++) {
                int lo = (int) ((long) k * n / threads);
                int hi = (int) ((long) (k + 1) * n / threads);
                ranges[k] = new Range(lo, hi);
            }
        }

        void work(int me) {
            Range own = ranges[me];
            while (true) {
                int i = own.takeFront();
                if (i < 0) {
                    if (!steal(me)) {
                        return;
                    }
                    continue;
                }
                if (stop || Thread.currentThread().isInterrupted()) {
                    stop = true;
                    return;
                }
                try {
                    results[i] = fn.apply(inputs.get(i));
                } catch (Throwable t) {
                    failures[i] = t;
                    stop = true;
                    return;
                }
            }
        }

        private boolean steal(int me) {
            while (!stop) {
                int victim = -1;
                int best = 0;
                for (int d = 1; d < ranges.length; d++) {
                    int k = (me + d) % ranges.length;
                    int size = ranges[k].size();
                    if (size > best) {
                        best = size;
                        victim = k;
                    }
                }
                if (victim < 0) {
                    return false;
                }
                int[] got = ranges[victim].stealHalf();
                if (got != null) {
                    ranges[me].refill(got[0], got[1]);
                    return true;
                }
                // emptied meanwhile: scan again
            }
            return false;
        }
    }

    /**
     * Applies {@code fn} to every input on {@code parallelism} threads of its own (fewer when there
     * are fewer inputs).
     *
     * <p>Contract: {@code fn} never runs on the caller's thread, and {@code parallelism} inputs can run
     * at the same time; the call starts at most {@code min(parallelism, inputs.size())} threads, and
     * none of them is alive when it returns or throws. After a failure it may stop starting new
     * inputs. Calls made at the same time from several threads are independent.
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
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        int threadCount = Math.min(parallelism, n);
        Job<T, R> job = new Job<>(fn, inputs, threadCount);
        Thread[] threads = new Thread[threadCount];
        for (int k = 0; k < threadCount; k++) {
            final int me = k;
            threads[k] = new Thread(() -> job.work(me), "parallel-map-steal-" + k);
        }
        int started = 0;
        try {
            for (; started < threadCount; started++) {
                threads[started].start();
            }
        } finally {
            if (started < threadCount) { // start() failed (out of threads): stop what runs
                job.stop = true;
                if (joinAll(threads, started, false)) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        boolean interrupted = joinAll(threads, threadCount, Thread.interrupted());
        if (interrupted) {
            throw new InterruptedException("ParallelMap.map interrupted");
        }
        for (int i = 0; i < n; i++) {
            if (job.failures[i] != null) {
                throw new ExecutionException(job.failures[i]);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(job.results));
        return out;
    }

    /** Joins threads[0..count) whatever happens; the first interrupt is passed on to all of them. */
    private static boolean joinAll(Thread[] threads, int count, boolean interrupted) {
        if (interrupted) {
            interruptAll(threads, count);
        }
        for (int k = 0; k < count; k++) {
            while (true) {
                try {
                    threads[k].join();
                    break;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        interruptAll(threads, count);
                    }
                }
            }
        }
        return interrupted;
    }

    private static void interruptAll(Thread[] threads, int count) {
        for (int k = 0; k < count; k++) {
            threads[k].interrupt();
        }
    }
}
