package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Reference solution: the caller feeds numbered jobs, then one poison pill per worker, then joins every worker. */
public final class Workers {

    private Workers() {
    }

    /** One unit of work; {@link #POISON} tells a worker to stop. */
    private record Job(int index, Object task) {
    }

    private static final Job POISON = new Job(-1, null);

    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        Object[] results = new Object[tasks.size()];
        Throwable[] firstFailure = new Throwable[1];
        WorkQueue<Job> queue = new WorkQueue<>(Math.max(1, workers * 2));
        List<Thread> crew = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> runWorker(queue, work, results, firstFailure), "worker-" + i);
            crew.add(t);
            t.start();
        }
        InterruptedException interrupted = null;
        try {
            for (int i = 0; i < tasks.size(); i++) {
                queue.put(new Job(i, tasks.get(i)));
            }
            for (int i = 0; i < workers; i++) {
                queue.put(POISON);
            }
        } catch (InterruptedException e) {
            interrupted = e;
            stop(queue, crew);
        }
        // No thread outlives the call: wait for every worker, even when interrupted while waiting.
        for (Thread t : crew) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    if (interrupted == null) {
                        interrupted = e;
                        stop(queue, crew);
                    }
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        synchronized (firstFailure) {
            if (firstFailure[0] != null) {
                throw new ExecutionException(firstFailure[0]);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return new ArrayList<>(list);
    }

    /**
     * After an interrupt: drops the jobs not yet taken, leaves one pill per worker (room is sure: only
     * the caller puts) and interrupts the workers so a task that answers interrupts stops early.
     */
    private static void stop(WorkQueue<Job> queue, List<Thread> crew) {
        while (queue.poll() != null) {
            queue.taskDone();
        }
        for (int i = 0; i < crew.size(); i++) {
            if (!queue.offer(POISON)) {
                throw new IllegalStateException("a queue of capacity " + (crew.size() * 2) + " is full after it was emptied");
            }
        }
        for (Thread t : crew) {
            t.interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, R> void runWorker(WorkQueue<Job> queue, Function<? super T, ? extends R> work,
            Object[] results, Throwable[] firstFailure) {
        try {
            while (true) {
                Job job = queue.take();
                try {
                    if (job == POISON) {
                        return;
                    }
                    try {
                        R r = work.apply((T) job.task());
                        synchronized (firstFailure) {
                            results[job.index()] = r;
                        }
                    } catch (Throwable failure) {
                        synchronized (firstFailure) {
                            firstFailure[0] = failure; // BUG: a later failure overwrites the first
                        }
                    }
                } finally {
                    queue.taskDone();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
