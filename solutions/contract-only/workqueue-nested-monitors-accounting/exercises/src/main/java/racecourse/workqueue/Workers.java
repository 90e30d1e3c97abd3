package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills. */
public final class Workers {

    private Workers() {
    }

    /**
     * A command queue: every task goes in as a ready-made Runnable that computes its result and
     * stores it (or its failure) at its own index; a worker just runs what it takes until it takes
     * the pill, a Runnable compared by identity.
     */
    private static final class Crew<T, R> {
        final List<T> input;
        final Function<? super T, ? extends R> work;
        final Object[] results;
        final Throwable[] failures;
        final WorkQueue<Runnable> queue;
        final Runnable pill = () -> { };
        volatile boolean aborted;

        Crew(List<T> input, Function<? super T, ? extends R> work, int capacity) {
            this.input = input;
            this.work = work;
            this.results = new Object[input.size()];
            this.failures = new Throwable[input.size()];
            this.queue = new WorkQueue<>(capacity);
        }

        Runnable command(int index) {
            return () -> {
                try {
                    results[index] = work.apply(input.get(index));
                } catch (Throwable t) {
                    failures[index] = t;
                }
            };
        }

        void workerLoop() {
            while (true) {
                Runnable next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    if (aborted) {
                        return; // the caller gave up and interrupted us
                    }
                    continue; // a stray interrupt from the work itself: the pill is still coming
                }
                if (next == pill) {
                    return;
                }
                if (!aborted) {
                    next.run();
                }
            }
        }
    }

    /**
     * Feeds tasks to {@code workers} threads through a WorkQueue and stops them with one poison pill
     * each. Returns results in task order. If {@code work} throws, every worker is still stopped and
     * the first exception is rethrown as the cause of an ExecutionException. No thread outlives the
     * call.
     */
    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(work, "work");
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        List<T> input = new ArrayList<>(tasks);
        if (input.isEmpty()) {
            return new ArrayList<>();
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE, 2L * workers);
        Crew<T, R> crew = new Crew<>(input, work, capacity);

        List<Thread> threads = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(crew::workerLoop, "workqueue-worker-" + w);
            threads.add(t);
            t.start();
        }

        boolean interrupted = false;
        try {
            for (int i = 0; i < input.size(); i++) {
                crew.queue.put(crew.command(i));
            }
            for (int w = 0; w < workers; w++) {
                crew.queue.put(crew.pill);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            abort(crew, threads, workers);
        }

        for (Thread t : threads) {
            boolean joined = false;
            while (!joined) {
                try {
                    t.join();
                    joined = true;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        abort(crew, threads, workers);
                    }
                }
            }
        }
        if (interrupted) {
            throw new InterruptedException("Workers.process interrupted");
        }

        for (Throwable failure : crew.failures) { // the first failure in task order
            if (failure != null) {
                throw new ExecutionException(failure);
            }
        }
        List<R> out = new ArrayList<>(input.size());
        for (Object r : crew.results) {
            @SuppressWarnings("unchecked")
            R value = (R) r;
            out.add(value);
        }
        return Collections.unmodifiableList(out);
    }

    /** Stops the crew for good: no more commands run, blocked workers are interrupted, pills for all. */
    private static void abort(Crew<?, ?> crew, List<Thread> threads, int workers) {
        crew.aborted = true;
        while (crew.queue.poll() != null) {
            // drop what is queued, pills included
        }
        // Only the caller adds to the queue and the capacity is at least the number of workers,
        // so every pill fits after the drain.
        for (int w = 0; w < workers; w++) {
            crew.queue.offer(crew.pill);
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
