package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills.
 *
 * <p>The queue carries task indices ({@link Integer}) and, at the end, one private sentinel object
 * per worker as the poison pill. Each worker writes its result into a pre-sized array slot under a
 * shared lock; the same lock keeps the first failure by time. The queue is sized so that the
 * caller never waits to feed it; the caller then joins every thread. After a failure workers skip
 * the tasks still queued and only wait for their pill. If the caller is interrupted, it raises a
 * stop flag, interrupts the workers, waits for all of them and rethrows
 * {@link InterruptedException}.
 */
public final class Workers {

    private Workers() {
    }

    /** The poison pill: never equal to any task index. */
    private static final Object POISON = new Object();

    /** Per-call state shared by the caller and its workers. */
    private static final class Run<T, R> {
        final List<T> input;
        final Function<? super T, ? extends R> work;
        final WorkQueue<Object> queue;
        final Object lock = new Object();
        final Object[] results; // guarded by lock
        Throwable failure;      // guarded by lock; the first one recorded
        volatile boolean stop;  // set by the caller before it interrupts the workers

        Run(List<T> input, Function<? super T, ? extends R> work, int capacity) {
            this.input = input;
            this.work = work;
            this.queue = new WorkQueue<>(capacity);
            this.results = new Object[input.size()];
        }

        boolean failed() {
            synchronized (lock) {
                return failure != null;
            }
        }

        void fail(Throwable t) {
            synchronized (lock) {
                if (failure == null) {
                    failure = t;
                }
            }
        }

        void record(int index, Object value) {
            synchronized (lock) {
                results[index] = value;
            }
        }

        void workerLoop() {
            while (!stop) {
                Object job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    if (stop) {
                        return;
                    }
                    fail(e); // an interrupt from outside: report it, keep draining to the pill
                    continue;
                }
                try {
                    if (job == POISON) {
                        return;
                    }
                    if (failed()) {
                        continue; // skip remaining tasks after a failure
                    }
                    int index = (Integer) job;
                    try {
                        record(index, work.apply(input.get(index)));
                    } catch (Throwable t) {
                        fail(t);
                    }
                } finally {
                    queue.taskDone();
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
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        List<T> input = new ArrayList<>(tasks); // snapshot; null tasks are allowed
        int n = input.size();
        int capacity = (int) Math.min(Integer.MAX_VALUE, (long) n + workers);
        Run<T, R> run = new Run<>(input, work, capacity);

        Thread[] crew = new Thread[workers];
        int started = 0;
        boolean finished = false;
        try {
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(run::workerLoop, "workers-" + w);
                t.setDaemon(true);
                t.start();
                crew[started++] = t;
            }
            for (int i = 0; i < n; i++) {
                run.queue.put(i);
            }
            for (int w = 0; w < workers; w++) {
                run.queue.put(POISON);
            }
            for (Thread t : crew) {
                t.join();
            }
            finished = true;
        } finally {
            if (!finished) {
                stopAndJoin(run, Arrays.copyOf(crew, started));
            }
        }

        Object[] snapshot;
        Throwable failure;
        synchronized (run.lock) {
            failure = run.failure;
            snapshot = run.results.clone();
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : snapshot) {
            @SuppressWarnings("unchecked")
            R value = (R) r;
            out.add(value);
        }
        return out;
    }

    /** Interrupts the started workers and waits for every one of them, even if interrupted again. */
    private static void stopAndJoin(Run<?, ?> run, Thread[] crew) {
        run.stop = true;
        for (Thread t : crew) {
            t.interrupt();
        }
        boolean interruptedAgain = false;
        for (Thread t : crew) {
            boolean joined = false;
            while (!joined) {
                try {
                    t.join();
                    joined = true;
                } catch (InterruptedException e) {
                    interruptedAgain = true;
                }
            }
        }
        if (interruptedAgain) {
            Thread.currentThread().interrupt();
        }
    }
}
