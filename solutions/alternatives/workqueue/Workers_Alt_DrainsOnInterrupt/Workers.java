package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Correct alternative: on an interrupt the caller stops feeding, never interrupts its workers, lets them
 * drain the jobs already queued, sends the pills, waits for every worker, and only then throws.
 */
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
        boolean interrupted = false;
        try {
            for (int i = 0; i < tasks.size(); i++) {
                queue.put(new Job(i, tasks.get(i)));
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        int pills = 0;
        while (pills < workers) {
            try {
                queue.put(POISON);
                pills++;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread t : crew) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while processing; every worker has stopped");
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
                            if (firstFailure[0] == null) {
                                firstFailure[0] = failure;
                            }
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
