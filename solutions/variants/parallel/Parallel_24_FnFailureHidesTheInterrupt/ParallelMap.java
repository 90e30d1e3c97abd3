package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Reference solution: {@code min(parallelism, inputs)} threads of the call's own take the next input
 * index from a counter guarded by one monitor (the fast ones take more, so uneven work balances
 * itself), store each result in its input's slot, and stop taking inputs after the first failure.
 * The caller joins every thread before it reads anything.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        // Everything below is local to this call: two concurrent calls share nothing.
        Run<T, R> run = new Run<>(fn, inputs);
        int threads = Math.min(parallelism, inputs.size());
        List<Thread> crew = new ArrayList<>(threads);
        try {
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(run::work, "parallel-map-" + i);
                crew.add(t);
                t.start();
            }
            for (Thread t : crew) {
                t.join();
            }
        } catch (InterruptedException e) {
            // The caller was interrupted: pass it on to the threads, wait for them all, then report it.
            run.stop();
            crew.forEach(Thread::interrupt);
            joinUninterruptibly(crew);
            run.outcome(); // bug: a failure of fn (here caused by the interrupt) is reported before the interrupt
            throw e;
        } catch (RuntimeException | Error e) {
            // Thread.start() failed (out of memory for stacks, say): stop what runs, leave nothing behind.
            run.stop();
            joinUninterruptibly(crew);
            throw e;
        }
        return run.outcome();
    }

    private static void joinUninterruptibly(List<Thread> crew) {
        boolean interrupted = false;
        for (Thread t : crew) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The state of one call: shared by its threads, guarded by {@code this}. */
    private static final class Run<T, R> {
        private final Function<? super T, ? extends R> fn;
        private final List<? extends T> inputs;
        private final Object[] results;
        private final Throwable[] failures;
        private int next;
        private boolean stopped;

        Run(Function<? super T, ? extends R> fn, List<? extends T> inputs) {
            this.fn = fn;
            this.inputs = inputs;
            this.results = new Object[inputs.size()];
            this.failures = new Throwable[inputs.size()];
        }

        void work() {
            while (true) {
                int index;
                synchronized (this) {
                    if (stopped || next == inputs.size()) {
                        return;
                    }
                    index = next++;
                }
                // fn runs outside the lock: holding it here would run the inputs one at a time.
                try {
                    R result = fn.apply(inputs.get(index));
                    synchronized (this) {
                        results[index] = result;
                    }
                } catch (Throwable failure) {
                    synchronized (this) {
                        failures[index] = failure;
                        stopped = true; // the call fails anyway: start no new input
                    }
                }
            }
        }

        synchronized void stop() {
            stopped = true;
        }

        /** Called after every thread has been joined. */
        synchronized List<R> outcome() throws ExecutionException {
            // The first failure in input order, not the first to happen: the outcome does not depend on timing.
            for (Throwable failure : failures) {
                if (failure != null) {
                    throw new ExecutionException(failure);
                }
            }
            List<R> list = new ArrayList<>(results.length); // ArrayList: a result may be null
            for (Object r : results) {
                @SuppressWarnings("unchecked")
                R result = (R) r;
                list.add(result);
            }
            return list;
        }
    }
}
