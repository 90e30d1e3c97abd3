package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * BUG VARIANT Workers_14_ReturnsBeforeWorkersStop: an interrupt while process joins its workers ends the
 * join loop at once, so process throws while the workers are still running their tasks.
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
        try {
            for (int i = 0; i < tasks.size(); i++) {
                queue.put(new Job(i, tasks.get(i)));
            }
        } finally {
            // Whatever happened above, every worker gets its pill and is waited for.
            for (int i = 0; i < workers; i++) {
                queue.put(POISON);
            }
            for (Thread t : crew) {
                t.join(); // BUG: an InterruptedException here leaves the remaining workers running
            }
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
