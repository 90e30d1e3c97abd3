package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * <p>Design: strided (round-robin) assignment with per-thread buffers and reports. Thread
 * {@code k} of {@code T} maps inputs {@code k, k+T, k+2T, ...} into a buffer of its own, touching no
 * shared result array. As its last act it posts a {@link Report} (its buffer and its first failure)
 * to the call's inbox, a private monitor; the caller sleeps on the inbox and scatters each report
 * into place as it arrives, while the other threads still work. Once all reports are in, the
 * caller joins every thread. The list handed back is a read-only view of the result array.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /** What one thread hands back. */
    private static final class Report {
        final int worker;
        final Object[] values;     // values[j] is the result of input worker + j * T
        final int count;           // how many of them ran without failing
        final long failedIndex;    // -1 when none
        final Throwable failure;

        Report(int worker, Object[] values, int count, long failedIndex, Throwable failure) {
            this.worker = worker;
            this.values = values;
            this.count = count;
            this.failedIndex = failedIndex;
            this.failure = failure;
        }
    }

    /** The per-call mailbox the threads report to. */
    private static final class Inbox {
        private final ArrayList<Report> reports = new ArrayList<>(); // guarded by this
        private volatile boolean stop;

        synchronized void post(Report r) {
            reports.add(r);
            notifyAll();
        }

        /** Waits for at least one report and takes all that are there. */
        synchronized List<Report> drain() throws InterruptedException {
            while (reports.isEmpty()) {
                wait();
            }
            List<Report> out = new ArrayList<>(reports);
            reports.clear();
            return out;
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
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        final int n = inputs.size();
        if (n == 0) {
            return Collections.emptyList();
        }
        final int t = Math.min(parallelism, n);
        final Inbox inbox = new Inbox();
        final Thread[] threads = new Thread[t];
        for (int k = 0; k < t; k++) {
            final int worker = k;
            threads[k] = new Thread(() -> runStride(fn, inputs, n, t, worker, inbox),
                    "parallel-map-stride-" + k + "-of-" + t);
        }
        for (Thread th : threads) {
            th.start();
        }

        Object[] results = new Object[n];
        long firstFailedIndex = Long.MAX_VALUE;
        Throwable firstFailure = null;
        int received = 0;
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (received < t) {
                for (Report r : inbox.drain()) {
                    received++;
                    for (int j = 0; j < r.count; j++) {
                        results[(int) (r.worker + (long) j * t)] = r.values[j];
                    }
                    if (r.failure != null && r.failedIndex < firstFailedIndex) {
                        firstFailedIndex = r.failedIndex;
                        firstFailure = r.failure;
                    }
                }
            }
        } catch (InterruptedException e) {
            inbox.stop = true;
            for (Thread th : threads) {
                th.interrupt();
            }
            joinUninterruptibly(threads);
            throw e;
        }
        // every report is in; each thread's last act was posting it
        if (joinUninterruptibly(threads)) {
            throw new InterruptedException(); // interrupted while joining threads that had already reported
        }
        if (firstFailure != null) {
            throw new ExecutionException(firstFailure);
        }
        @SuppressWarnings("unchecked")
        List<R> view = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return view;
    }

    private static <T, R> void runStride(Function<? super T, ? extends R> fn, List<? extends T> inputs,
            int n, int t, int worker, Inbox inbox) {
        int slots = (int) ((n - 1L - worker) / t + 1);
        Object[] values = new Object[slots];
        int count = 0;
        long failedIndex = -1;
        Throwable failure = null;
        try {
            for (long i = worker; i < n; i += t) {
                if (inbox.stop || Thread.currentThread().isInterrupted()) {
                    break;
                }
                try {
                    values[count] = fn.apply(inputs.get((int) i));
                    count++;
                } catch (Throwable e) {
                    failedIndex = i;
                    failure = e;
                    inbox.stop = true;
                    break;
                }
            }
        } finally {
            inbox.post(new Report(worker, values, count, failedIndex, failure));
        }
    }

    /** Joins every thread; returns whether the caller was interrupted meanwhile. */
    private static boolean joinUninterruptibly(Thread[] threads) {
        boolean interrupted = false;
        for (Thread th : threads) {
            while (true) {
                try {
                    th.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
