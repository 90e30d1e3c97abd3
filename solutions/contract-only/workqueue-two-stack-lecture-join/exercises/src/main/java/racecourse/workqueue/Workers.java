package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The lecture's pattern, step by step: the caller feeds the tasks into a small bounded WorkQueue
 * (capacity = number of workers, so it blocks while the crew is busy), waits with queue.join()
 * until every task is marked done, then puts one poison pill per worker and joins the threads.
 * After the first failure the workers skip (but still mark done) the remaining tasks.
 */
public final class Workers {

    private Workers() {
    }

    /** One queue entry: a task and its position. The poison pill is a dedicated instance. */
    private static final class Job<T> {
        final int index;
        final T task;

        Job(int index, T task) {
            this.index = index;
            this.task = task;
        }
    }

    private static final Job<Object> POISON = new Job<>(-1, null);

    /** Shared between the caller and the crew of one call. */
    private static final class Run {
        final Object[] results;
        volatile boolean failed;
        volatile boolean aborted;
        private Throwable firstFailure; // guarded by this

        Run(int n) {
            results = new Object[n];
        }

        synchronized void fail(Throwable t) {
            if (firstFailure == null) {
                firstFailure = t;
            }
            failed = true;
        }

        synchronized Throwable firstFailure() {
            return firstFailure;
        }
    }

    /**
     * Feeds tasks to {@code workers} threads through a WorkQueue and stops them with one poison pill
     * each. Returns results in task order. If {@code work} throws, every worker is still stopped and
     * the first exception is rethrown as the cause of an ExecutionException. No thread outlives the
     * call.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (tasks.isEmpty()) {
            return new ArrayList<>();
        }
        final int n = tasks.size();
        final Run run = new Run(n);
        final WorkQueue<Job<T>> queue = new WorkQueue<>(workers);
        final Job<T> poison = (Job<T>) (Job<?>) POISON;

        Thread[] crew = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            crew[w] = new Thread(() -> workLoop(queue, poison, run, work), "workers-" + (w + 1));
            crew[w].setDaemon(true);
        }
        for (Thread t : crew) {
            t.start();
        }

        try {
            for (int i = 0; i < n; i++) {
                queue.put(new Job<>(i, tasks.get(i)));
            }
            queue.join();
            for (int w = 0; w < workers; w++) {
                queue.put(poison);
            }
            for (Thread t : crew) {
                t.join();
            }
        } catch (InterruptedException e) {
            run.aborted = true;
            for (Thread t : crew) {
                t.interrupt();
            }
            joinUninterruptibly(crew);
            throw e;
        }

        Throwable failure = run.firstFailure();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return new ArrayList<>(Arrays.asList((R[]) run.results));
    }

    private static <T, R> void workLoop(WorkQueue<Job<T>> queue, Job<T> poison, Run run,
            Function<? super T, ? extends R> work) {
        while (!run.aborted) {
            Job<T> job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return; // only the caller interrupts us, when it gives up
            }
            try {
                if (job == poison) {
                    return;
                }
                if (!run.failed) {
                    try {
                        run.results[job.index] = work.apply(job.task);
                    } catch (Throwable t) {
                        run.fail(t);
                    }
                }
            } finally {
                queue.taskDone();
            }
        }
    }

    private static void joinUninterruptibly(Thread[] crew) {
        for (Thread t : crew) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException ignored) {
                    // keep waiting: no thread may outlive the call; the caller throws InterruptedException anyway
                }
            }
        }
    }
}
