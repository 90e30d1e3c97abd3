package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Parallel map by recursive splitting with plain threads (fork/join by hand, no ForkJoinPool).
 *
 * <p>The caller starts one root thread with the whole index range and a thread budget of
 * min(parallelism, n). A thread whose budget b is above 1 hands the upper part of its range, with
 * budget b/2, to a child thread it starts, keeps the rest with the remaining budget, and repeats; with
 * budget 1 it maps its own range, then joins its children. Ranges are split in proportion to the
 * budgets, so every thread gets at least one input and exactly min(parallelism, n) threads run.
 * The caller only has to join the root: every thread joins its own children before it ends.
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
        Object[] in = inputs.toArray();
        int n = in.length;
        if (n == 0) {
            return new ArrayList<>();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before any thread was started");
        }

        SplitCall<T, R> call = new SplitCall<>(fn, in);
        Thread root = call.newThread(0, n, Math.min(parallelism, n));
        call.start(root);
        try {
            root.join();
        } catch (InterruptedException e) {
            List<Thread> all = call.cancel();
            for (Thread t : all) {
                t.interrupt();
            }
            for (Thread t : all) {
                SplitCall.joinQuietly(t, false); // the IE we throw reports the interrupt
            }
            throw e;
        }

        for (Throwable t : call.errors) {
            if (t != null) {
                throw new ExecutionException(t); // first failure in input order
            }
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) new ArrayList<>(Arrays.asList(call.out));
        return results;
    }
}

/** The state of one map() call, shared by its threads only. */
final class SplitCall<T, R> {
    final Function<? super T, ? extends R> fn;
    final Object[] in;
    final Object[] out;
    final Throwable[] errors;

    /** Raised by cancel() (caller interrupted): no new inputs are started. */
    volatile boolean stop;

    /**
     * Lowest index that failed so far (Integer.MAX_VALUE: none). An input is skipped only when an
     * input before it already failed, so the reported failure is the first in input order of all.
     */
    volatile int firstFailed = Integer.MAX_VALUE;

    /** Every thread this call started (guarded by this), so an interrupted caller can reach them all. */
    private final List<Thread> started = new ArrayList<>();
    private boolean cancelled; // guarded by this
    private int serial;        // guarded by this

    SplitCall(Function<? super T, ? extends R> fn, Object[] in) {
        this.fn = fn;
        this.in = in;
        this.out = new Object[in.length];
        this.errors = new Throwable[in.length];
    }

    synchronized Thread newThread(int lo, int hi, int budget) {
        return new Thread(() -> runRange(lo, hi, budget), "parallel-map-" + (serial++));
    }

    /** Starts and registers a thread, unless the call was cancelled; atomic with cancel(). */
    synchronized boolean start(Thread t) {
        if (cancelled) {
            return false;
        }
        started.add(t);
        t.start();
        return true;
    }

    private synchronized void failedAt(int i) {
        if (i < firstFailed) {
            firstFailed = i;
        }
    }

    /** No more threads start after this; returns every thread that did start. */
    synchronized List<Thread> cancel() {
        cancelled = true;
        stop = true;
        return new ArrayList<>(started);
    }

    private void runRange(int lo, int hi, int budget) {
        List<Thread> children = new ArrayList<>();
        try {
            while (budget > 1) {
                int childBudget = budget / 2;
                int keep = budget - childBudget;
                int mid = lo + (int) ((long) (hi - lo) * keep / budget);
                Thread child = newThread(mid, hi, childBudget);
                if (!start(child)) {
                    break; // cancelled: nobody gets the rest
                }
                children.add(child);
                hi = mid;
                budget = keep;
            }
            for (int i = lo; i < hi && !stop && i < firstFailed; i++) {
                try {
                    @SuppressWarnings("unchecked")
                    T input = (T) in[i];
                    out[i] = fn.apply(input);
                } catch (Throwable t) {
                    errors[i] = t;
                    failedAt(i);
                }
            }
        } finally {
            for (Thread c : children) {
                joinQuietly(c, true); // a thread never ends before its children: joining the root joins all
            }
        }
    }

    /** Joins without giving up on interrupts; optionally re-asserts the flag afterwards. */
    static void joinQuietly(Thread t, boolean restoreFlag) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted && restoreFlag) {
            Thread.currentThread().interrupt();
        }
    }
}
