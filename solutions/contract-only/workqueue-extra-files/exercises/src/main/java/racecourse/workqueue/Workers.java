package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Workers take (index, value) jobs; results go into an array by index; a private sentinel stops each worker. */
public final class Workers {

    private Workers() {
    }

    private static final Job PILL = new Job(-1, null);

    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        Objects.requireNonNullArgs(tasks, work);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        int n = tasks.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        Shared shared = new Shared(n);
        WorkQueue<Job> queue = new WorkQueue<>(Math.max(1, 2 * workers));
        Thread[] crew = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            crew[w] = new Thread(() -> runWorker(queue, shared, work), "workers-" + w);
            crew[w].setDaemon(true);
        }
        for (Thread t : crew) {
            t.start();
        }
        try {
            for (int i = 0; i < n; i++) {
                queue.put(new Job(i, tasks.get(i)));
            }
            for (int w = 0; w < workers; w++) {
                queue.put(PILL);
            }
            for (Thread t : crew) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : crew) {
                t.interrupt();
            }
            joinAll(crew);
            throw e;
        }
        Throwable failure = shared.failure();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(shared.snapshot()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T, R> void runWorker(WorkQueue<Job> queue, Shared shared, Function<? super T, ? extends R> work) {
        try {
            while (true) {
                Job job = queue.take();
                if (job == PILL) {
                    return;
                }
                try {
                    if (shared.failure() == null) {
                        shared.store(job.index(), work.apply((T) job.value()));
                    }
                } catch (Throwable t) {
                    shared.fail(t);
                } finally {
                    queue.taskDone();
                }
            }
        } catch (InterruptedException e) {
            // asked to stop
        }
    }

    private static void joinAll(Thread[] crew) {
        boolean interrupted = false;
        for (Thread t : crew) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Objects {
        static void requireNonNullArgs(Object a, Object b) {
            java.util.Objects.requireNonNull(a, "tasks");
            java.util.Objects.requireNonNull(b, "work");
        }
    }
}
